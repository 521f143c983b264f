import { formatNumber } from '../../../../shared/i18n';
import { FactCard } from '../../../components/FactList';
import { PageHeading } from '../../../components/PageHeading';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useOverview } from '../overview.api';

export function OverviewPage() {
  const { t } = useI18n();
  usePageTitle(t('overview.title'));
  const overview = useOverview();

  if (isNoAccess(overview.error)) return <NoAccessPage />;

  return (
    <>
      <PageHeading>{t('overview.title')}</PageHeading>
      <QueryContent error={overview.error} data={overview.data}>
        {({ municipality, unitCount, staffCount }) => (
          <FactCard
            heading={t('overview.municipalityHeading')}
            facts={[
              { term: t('overview.name'), value: municipality.name },
              { term: t('overview.kommunenummer'), value: municipality.kommunenummer },
              { term: t('overview.language'), value: t(`language.administrative.${municipality.language}`) },
              { term: t('overview.unitCount'), value: formatNumber(unitCount) },
              { term: t('overview.staffCount'), value: formatNumber(staffCount) },
            ]}
          />
        )}
      </QueryContent>
    </>
  );
}
