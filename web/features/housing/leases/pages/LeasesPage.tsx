import { Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { leaseKinds, leaseListQuery, leaseStates } from '../../../../../shared/api/leases';
import { isNoAccess, NoAccessPage } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { FilterSection, PagedResults, useUrlListQuery } from '../../shared/list-page';
import { LeaseTable } from '../components/LeaseTable';
import { useLeases } from '../leases.api';

const PAGE_SIZE = 50;

/** `/kontrakter`: the filters live in the URL, so a filtered list can be shared and bookmarked. */
export function LeasesPage() {
  const { t } = useI18n();
  usePageTitle(t('leases.title'));
  const { query, applyFilters, goTo } = useUrlListQuery(leaseListQuery, PAGE_SIZE);
  const leases = useLeases(query);
  const [kind, setKind] = useState(query.kind ?? '');
  const [state, setState] = useState(query.state ?? '');
  const [expiring, setExpiring] = useState(query.expiringWithinMonths ? String(query.expiringWithinMonths) : '');
  const [missing, setMissing] = useState(query.needsAssessmentMissing === 'true');

  if (isNoAccess(leases.error)) return <NoAccessPage />;

  const apply = () =>
    applyFilters({
      kind,
      state,
      expiringWithinMonths: /^[0-9]{1,2}$/.test(expiring) && Number(expiring) >= 1 ? expiring : undefined,
      needsAssessmentMissing: missing ? 'true' : undefined,
    });

  return (
    <>
      <PageHeading lead={t('leases.intro')}>{t('leases.title')}</PageHeading>
      {leases.data?.actions.create ? (
        <Paragraph>
          <RouterLink to="/kontrakter/ny">{t('leases.newLink')}</RouterLink>
        </Paragraph>
      ) : null}
      <FilterSection headingId="lease-filter-heading" heading={t('leases.filters.heading')} applyLabel={t('leases.filters.apply')} onApply={apply}>
        <SelectField id="lease-filter-kind" label={t('leases.filters.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('leases.filters.allKinds')}</option>
          <CodeOptions codes={leaseKinds} label={(k) => t(`leases.kinds.${k}`)} />
        </SelectField>
        <SelectField id="lease-filter-state" label={t('leases.filters.state')} value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">{t('leases.filters.allStates')}</option>
          <CodeOptions codes={leaseStates} label={(s) => t(`leases.states.${s}`)} />
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
      </FilterSection>
      <PageSection headingId="lease-list-heading" heading={t('leases.listHeading')}>
        <PagedResults section="leases" list={leases} onPage={goTo}>
          {(items) => <LeaseTable leases={items} labelledBy="lease-list-heading" />}
        </PagedResults>
      </PageSection>
    </>
  );
}
