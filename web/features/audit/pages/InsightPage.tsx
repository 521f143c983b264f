import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, RequestFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { useInsight, useStaffOptions } from '../audit.api';
import { InsightForm } from '../components/InsightForm';
import { InsightReport } from '../components/InsightReport';
import { insightFromUrl, insightToUrl, parseInsight } from '../insight-request';

/** `/innsyn`: a subject access report (GDPR art. 15) for a chosen person and period. */
export function InsightPage() {
  const { t } = useI18n();
  usePageTitle(t('insight.title'));
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const values = insightFromUrl(searchParams);
  const { request } = parseInsight(values);
  const report = useInsight(request);

  const mayListStaff = can('read:staff:any');
  const staff = useStaffOptions(mayListStaff);
  const staffList = mayListStaff && staff.data ? staff.data : null;
  const staffSettled = !mayListStaff || !staff.isPending;

  if (isNoAccess(report.error)) return <NoAccessPage />;

  return (
    <>
      <PageHeading>{t('insight.title')}</PageHeading>
      <Paragraph variant="long" className="lead">
        {t('insight.intro')}
      </Paragraph>
      <section aria-labelledby="insight-form-heading" className="section">
        <Heading level={2} data-size="sm" id="insight-form-heading">
          {t('insight.formHeading')}
        </Heading>
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
      </section>
      {request === null ? null : report.isPending ? (
        <Loading label={t('common.loading')} />
      ) : report.isError ? (
        isApiError(report.error) && report.error.kind === 'auth' ? null : (
          <RequestFailure error={report.error} />
        )
      ) : (
        <InsightReport report={report.data} />
      )}
    </>
  );
}
