import { Card, Heading } from '@digdir/designsystemet-react';
import { formatNumber } from '../../../../shared/i18n';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { isNoAccess, NoAccessPage, RequestFailure } from '../../../app/errors';
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
      {overview.isPending ? (
        <Loading label={t('common.loading')} />
      ) : overview.isError ? (
        <RequestFailure error={overview.error} />
      ) : (
        <Card className="overview-card" data-color="neutral">
          <Heading level={2} data-size="sm">
            {t('overview.municipalityHeading')}
          </Heading>
          <dl className="facts">
            <div>
              <dt>{t('overview.name')}</dt>
              <dd>{overview.data.municipality.name}</dd>
            </div>
            <div>
              <dt>{t('overview.kommunenummer')}</dt>
              <dd>{overview.data.municipality.kommunenummer}</dd>
            </div>
            <div>
              <dt>{t('overview.language')}</dt>
              <dd>{t(`language.administrative.${overview.data.municipality.language}`)}</dd>
            </div>
            <div>
              <dt>{t('overview.unitCount')}</dt>
              <dd>{formatNumber(overview.data.unitCount)}</dd>
            </div>
            <div>
              <dt>{t('overview.staffCount')}</dt>
              <dd>{formatNumber(overview.data.staffCount)}</dd>
            </div>
          </dl>
        </Card>
      )}
    </>
  );
}
