import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { isNoAccess, NoAccessPage, RequestFailure } from '../../../app/errors';
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
      <PageHeading>{t('units.title')}</PageHeading>
      <Paragraph variant="long" className="lead">
        {t('units.intro')}
      </Paragraph>
      <section aria-labelledby="units-list-heading" className="section">
        <Heading level={2} data-size="sm" id="units-list-heading">
          {t('units.listHeading')}
        </Heading>
        {units.isPending ? (
          <Loading label={t('common.loading')} />
        ) : units.isError ? (
          <RequestFailure error={units.error} headingLevel={3} />
        ) : units.data.items.length === 0 ? (
          <Paragraph>{t('units.empty')}</Paragraph>
        ) : (
          <UnitTable units={units.data.items} labelledBy="units-list-heading" />
        )}
      </section>
      {canCreate ? <CreateUnitForm /> : null}
    </>
  );
}
