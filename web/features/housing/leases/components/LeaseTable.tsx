import { Table, Tag } from '@digdir/designsystemet-react';
import type { LeaseSummaryDto } from '../../../../../shared/api/leases';
import { formatDate, formatMoneyOre } from '../../../../../shared/i18n';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../../components/ScrollTable';
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
      <TableHeader
        columns={[
          t('leases.table.reference'),
          t('leases.table.kind'),
          ...(showDwelling ? [t('leases.table.dwelling')] : []),
          t('leases.table.party'),
          t('leases.table.period'),
          t('leases.table.state'),
          { label: t('leases.table.rent'), numeric: true },
          t('leases.table.assessment'),
        ]}
      />
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
