import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { PaginationNav } from '../../../components/PaginationNav';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { auditExportHref, auditPageSize, useAuditSearch, useStaffChoice } from '../audit.api';
import { filtersFromUrl, filtersToUrl, parseFilters } from '../audit-filters';
import { AuditSearchForm } from '../components/AuditSearchForm';
import { AuditTable } from '../components/AuditTable';

/** `/hendelseslogg`: the auditor searches the log; the filters live in the URL. */
export function AuditLogPage() {
  const { t } = useI18n();
  usePageTitle(t('auditLog.title'));
  const can = useCan();
  const [searchParams, setSearchParams] = useSearchParams();
  const { values, page } = filtersFromUrl(searchParams);
  const { query, codes } = parseFilters(values, page);
  const search = useAuditSearch(query);

  const { staffList, settled: staffSettled } = useStaffChoice();

  if (isNoAccess(search.error)) return <NoAccessPage />;

  const total = search.data?.total ?? 0;
  const totalPages = Math.max(1, Math.ceil(total / auditPageSize));
  const first = (page - 1) * auditPageSize + 1;
  const last = Math.min(page * auditPageSize, total);

  return (
    <>
      <PageHeading lead={t('auditLog.intro')}>{t('auditLog.title')}</PageHeading>

      <PageSection headingId="audit-search-heading" heading={t('auditLog.searchHeading')}>
        {staffSettled ? (
          <AuditSearchForm
            // A new URL (a search, the back button) starts the form again from it.
            key={`${searchParams.toString()}|${staffList ? 'list' : 'id'}`}
            initial={values}
            initialCodes={codes}
            staff={staffList}
            validate={(next) => parseFilters(next, 1).codes}
            onSearch={(next) => setSearchParams(filtersToUrl(next, 1))}
          />
        ) : (
          <Loading label={t('common.loading')} />
        )}
      </PageSection>

      {query ? (
        <PageSection headingId="audit-results-heading" heading={t('auditLog.resultsHeading')}>
          <QueryContent error={search.error} data={search.data} headingLevel={3}>
            {({ items }) =>
              total === 0 || items.length === 0 ? (
                <Paragraph role="status">{t('auditLog.empty')}</Paragraph>
              ) : (
                <>
                  <Paragraph role="status">
                    {total === 1 ? t('auditLog.resultCountOne') : t('auditLog.resultCount', { first, last, total })}
                  </Paragraph>
                  {can('export:audit:any') ? (
                    <div>
                      <Paragraph>
                        <Link href={auditExportHref(query)}>{t('auditLog.export')}</Link>
                      </Paragraph>
                      <Paragraph data-size="sm">{t('auditLog.exportHelp')}</Paragraph>
                    </div>
                  ) : null}
                  <AuditTable entries={items} labelledBy="audit-results-heading" />
                  <PaginationNav
                    label={t('auditLog.pagination')}
                    page={page}
                    totalPages={totalPages}
                    onPage={(next) => setSearchParams(filtersToUrl(values, next))}
                    previousLabel={t('auditLog.previous')}
                    nextLabel={t('auditLog.next')}
                    pageLabel={(n) => t('auditLog.page', { page: n })}
                  />
                </>
              )
            }
          </QueryContent>
        </PageSection>
      ) : null}
    </>
  );
}
