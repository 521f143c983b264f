import { Paragraph } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import type { CreateDwellingRequest } from '../../../../../shared/api/dwellings';
import { PageHeading } from '../../../../components/PageHeading';
import { RouterLink } from '../../../../components/RouterLink';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { DwellingForm } from '../components/DwellingForm';
import { useCreateDwelling } from '../dwellings.api';

/** `/boliger/ny` — register a dwelling; on success, go to its page. */
export function NewDwellingPage() {
  const { t } = useI18n();
  usePageTitle(t('dwellings.form.createHeading'));
  const create = useCreateDwelling();
  const navigate = useNavigate();
  return (
    <>
      <Paragraph>
        <RouterLink to="/boliger">{t('dwellings.detail.back')}</RouterLink>
      </Paragraph>
      <PageHeading>{t('dwellings.form.createHeading')}</PageHeading>
      <DwellingForm
        dwelling={null}
        pending={create.isPending}
        error={create.error}
        onSubmit={(body, form) =>
          create.mutate(body as CreateDwellingRequest, {
            onSuccess: (result) => void navigate(`/boliger/${result.dwelling.id}`),
            onError: (error) => form.showRefusal(error),
          })
        }
      />
    </>
  );
}
