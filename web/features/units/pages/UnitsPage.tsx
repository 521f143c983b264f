import { Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { CreateUnitForm } from '../components/CreateUnitForm';
import { UnitTable } from '../components/UnitTable';
import { useUnits } from '../units.api';

export function UnitsPage() {
  const { t } = useI18n();
  usePageTitle(t('units.title'));
  const units = useUnits();
  // The server sends what the user may do with the list; the form is shown only when allowed.
  const canCreate = units.data?.actions.create === true;

  if (isNoAccess(units.error)) return <NoAccessPage />;

  return (
    <>
      <PageHeading lead={t('units.intro')}>{t('units.title')}</PageHeading>
      <PageSection headingId="units-list-heading" heading={t('units.listHeading')}>
        <QueryContent error={units.error} data={units.data} headingLevel={3}>
          {({ items }) =>
            items.length === 0 ? (
              <Paragraph>{t('units.empty')}</Paragraph>
            ) : (
              <UnitTable units={items} labelledBy="units-list-heading" />
            )
          }
        </QueryContent>
      </PageSection>
      {canCreate ? <CreateUnitForm /> : null}
    </>
  );
}
