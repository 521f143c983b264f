import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { dwellingIdParams, type UpdateDwellingRequest } from '../../../../../shared/api/dwellings';
import { PageHeading } from '../../../../components/PageHeading';
import { RouterLink } from '../../../../components/RouterLink';
import { isApiError } from '../../../../app/api-client';
import { isNoAccess, isVersionConflict, NoAccessPage, NotFoundPage, QueryContent } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { DwellingForm } from '../components/DwellingForm';
import { useDwelling, useUpdateDwelling } from '../dwellings.api';

/** `/boliger/:id/endre` — change a dwelling with If-Match; a conflict reloads the saved record. */
export function EditDwellingPage() {
  const parsed = dwellingIdParams.safeParse(useParams());
  if (!parsed.success) return <NotFoundPage />;
  return <EditDwelling id={parsed.data.id} />;
}

function EditDwelling({ id }: { id: string }) {
  const { t } = useI18n();
  usePageTitle(t('dwellings.form.editHeading'));
  const dwelling = useDwelling(id);
  const update = useUpdateDwelling(id);
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  if (isNoAccess(dwelling.error)) return <NoAccessPage />;
  if (isApiError(dwelling.error) && dwelling.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <>
      <Paragraph>
        <RouterLink to={`/boliger/${id}`}>{t('dwellings.detail.back')}</RouterLink>
      </Paragraph>
      <PageHeading>{t('dwellings.form.editHeading')}</PageHeading>
      {conflict ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{t('dwellings.form.conflict')}</Paragraph>
        </Alert>
      ) : null}
      <QueryContent error={dwelling.error} data={dwelling.data}>
        {(data) => (
          <DwellingForm
            key={data.dwelling.version}
            dwelling={data.dwelling}
            pending={update.isPending}
            error={update.error}
            onSubmit={(changes, form) =>
              update.mutate(
                { version: data.dwelling.version, changes: changes as UpdateDwellingRequest },
                {
                  onSuccess: () => void navigate(`/boliger/${id}`),
                  onError: (error) => {
                    if (isVersionConflict(error)) {
                      setConflict(true);
                      void dwelling.refetch();
                    } else form.showRefusal(error);
                  },
                },
              )
            }
          />
        )}
      </QueryContent>
    </>
  );
}
