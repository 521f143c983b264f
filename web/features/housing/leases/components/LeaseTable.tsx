import { Table, Tag } from '@digdir/designsystemet-react';
import type { LeaseSummaryDto } from '../../../../../shared/api/leases';
import { formatDate, formatMoneyOre } from '../../../../../shared/i18n';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable } from '../../../../components/ScrollTable';
import { useI18n } from '../../../../app/i18n';

/** Leases as a table: reference (link), type, dwelling, party, period, status, rent, assessment. */
export function LeaseTable({
  leases,
  labelledBy,
  showDwelling = true,
}: {
  leases: readonly LeaseSummaryDto[];
  labelledBy: string;
  showDwelling?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ScrollTable labelledBy={labelledBy}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('leases.table.reference')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('leases.table.kind')}</Table.HeaderCell>
          {showDwelling ? <Table.HeaderCell scope="col">{t('leases.table.dwelling')}</Table.HeaderCell> : null}
          <Table.HeaderCell scope="col">{t('leases.table.party')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('leases.table.period')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('leases.table.state')}</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('leases.table.rent')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('leases.table.assessment')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {leases.map((lease) => (
          <Table.Row key={lease.id}>
            <Table.Cell>
              <RouterLink to={`/kontrakter/${lease.id}`}>{lease.reference}</RouterLink>
            </Table.Cell>
            <Table.Cell>{t(`leases.kinds.${lease.kind}`)}</Table.Cell>
            {showDwelling ? (
              <Table.Cell>
                <RouterLink to={`/boliger/${lease.dwelling.id}`}>{`${lease.dwelling.street} (${lease.dwelling.reference})`}</RouterLink>
              </Table.Cell>
            ) : null}
            <Table.Cell>
              {lease.kind === 'head'
                ? (lease.landlord?.name ?? '–')
                : (lease.tenantName ?? (lease.hasTenant ? t('leases.table.hiddenTenant') : '–'))}
            </Table.Cell>
            <Table.Cell>
              {lease.effectiveEnd
                ? t('leases.periodText', { start: formatDate(lease.startDate), end: formatDate(lease.effectiveEnd) })
                : t('leases.periodOpen', { start: formatDate(lease.startDate) })}
            </Table.Cell>
            <Table.Cell>{t(`leases.states.${lease.state}`)}</Table.Cell>
            <Table.Cell className="numeric">{formatMoneyOre(lease.rentOre)}</Table.Cell>
            <Table.Cell>
              {lease.needsAssessmentMissing ? (
                <Tag data-color="warning">{t('leases.table.missing')}</Tag>
              ) : (
                '–'
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollTable>
  );
}
