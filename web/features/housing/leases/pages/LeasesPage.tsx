import { Button, Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { leaseKinds, leaseListQuery, leaseStates, type LeaseListQuery } from '../../../../../shared/api/leases';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { PaginationNav } from '../../../../components/PaginationNav';
import { RouterLink } from '../../../../components/RouterLink';
import { SelectField } from '../../../../components/SelectField';
import { LeaseTable } from '../components/LeaseTable';
import { useLeases } from '../leases.api';

const PAGE_SIZE = 50;

/** `/kontrakter`: the filters live in the URL, so a filtered list can be shared and bookmarked. */
export function LeasesPage() {
  const { t } = useI18n();
  usePageTitle(t('leases.title'));
  const [params, setParams] = useSearchParams();
  const parsed = leaseListQuery.safeParse(Object.fromEntries(params));
  const query: LeaseListQuery = { ...(parsed.success ? parsed.data : {}), pageSize: PAGE_SIZE };
  const leases = useLeases(query);
  const [kind, setKind] = useState(query.kind ?? '');
  const [state, setState] = useState(query.state ?? '');
  const [expiring, setExpiring] = useState(query.expiringWithinMonths ? String(query.expiringWithinMonths) : '');
  const [missing, setMissing] = useState(query.needsAssessmentMissing === 'true');

  if (isNoAccess(leases.error)) return <NoAccessPage />;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (kind) next.set('kind', kind);
    if (state) next.set('state', state);
    if (/^[0-9]{1,2}$/.test(expiring) && Number(expiring) >= 1) next.set('expiringWithinMonths', expiring);
    if (missing) next.set('needsAssessmentMissing', 'true');
    setParams(next);
  };
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <>
      <PageHeading lead={t('leases.intro')}>{t('leases.title')}</PageHeading>
      {leases.data?.actions.create ? (
        <Paragraph>
          <RouterLink to="/kontrakter/ny">{t('leases.newLink')}</RouterLink>
        </Paragraph>
      ) : null}
      <PageSection headingId="lease-filter-heading" heading={t('leases.filters.heading')}>
        <form onSubmit={apply} className="form-stack narrow" aria-labelledby="lease-filter-heading">
          <SelectField id="lease-filter-kind" label={t('leases.filters.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('leases.filters.allKinds')}</option>
            {leaseKinds.map((k) => (
              <option key={k} value={k}>
                {t(`leases.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="lease-filter-state" label={t('leases.filters.state')} value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('leases.filters.allStates')}</option>
            {leaseStates.map((s) => (
              <option key={s} value={s}>
                {t(`leases.states.${s}`)}
              </option>
            ))}
          </SelectField>
          <Textfield
            id="lease-filter-expiring"
            label={t('leases.filters.expiring')}
            description={t('leases.filters.expiringHelp')}
            inputMode="numeric"
            value={expiring}
            onChange={(e) => setExpiring(e.target.value)}
          />
          <Checkbox
            id="lease-filter-missing"
            label={t('leases.filters.missingAssessment')}
            description={t('leases.filters.missingAssessmentHelp')}
            checked={missing}
            onChange={(e) => setMissing(e.target.checked)}
          />
          <div>
            <Button type="submit" variant="secondary">
              {t('leases.filters.apply')}
            </Button>
          </div>
        </form>
      </PageSection>
      <PageSection headingId="lease-list-heading" heading={t('leases.listHeading')}>
        <QueryContent error={leases.error} data={leases.data} headingLevel={3}>
          {(data) =>
            data.items.length === 0 ? (
              <Paragraph>{t('leases.empty')}</Paragraph>
            ) : (
              <>
                <Paragraph role="status">{t('leases.total', { count: data.total })}</Paragraph>
                <LeaseTable leases={data.items} labelledBy="lease-list-heading" />
                <PaginationNav
                  label={t('leases.pagination.label')}
                  page={data.page}
                  totalPages={Math.ceil(data.total / data.pageSize)}
                  onPage={goTo}
                  previousLabel={t('leases.pagination.previous')}
                  nextLabel={t('leases.pagination.next')}
                  pageLabel={(page) => t('leases.pagination.page', { page: String(page) })}
                />
              </>
            )
          }
        </QueryContent>
      </PageSection>
    </>
  );
}
