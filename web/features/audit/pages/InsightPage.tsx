import { useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useInsight, useStaffChoice } from '../audit.api';
import { InsightForm } from '../components/InsightForm';
import { InsightReport } from '../components/InsightReport';
import { insightFromUrl, insightToUrl, parseInsight } from '../insight-request';

/** `/innsyn`: a subject access report (GDPR art. 15) for a chosen person and period. */
export function InsightPage() {
  const { t } = useI18n();
  usePageTitle(t('insight.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const values = insightFromUrl(searchParams);
  const { request } = parseInsight(values);
  const report = useInsight(request);

  const { staffList, settled: staffSettled } = useStaffChoice();

  if (isNoAccess(report.error)) return <NoAccessPage />;

  return (
    <>
      <PageHeading lead={t('insight.intro')}>{t('insight.title')}</PageHeading>
      <PageSection headingId="insight-form-heading" heading={t('insight.formHeading')}>
        {staffSettled ? (
          <InsightForm
            key={`${searchParams.toString()}|${staffList ? 'list' : 'id'}`}
            initial={values}
            staff={staffList}
            onSubmit={(next) => setSearchParams(insightToUrl(next))}
          />
        ) : (
          <Loading label={t('common.loading')} />
        )}
      </PageSection>
      {request === null ? null : (
        <QueryContent error={report.error} data={report.data}>
          {(data) => <InsightReport report={data} />}
        </QueryContent>
      )}
    </>
  );
}
