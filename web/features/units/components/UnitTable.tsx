import { Table } from '@digdir/designsystemet-react';
import type { UnitDto } from '../../../../shared/api/units';
import { formatDate, formatNumber } from '../../../../shared/i18n';
import { ScrollTable } from '../../../components/ScrollTable';
import { useI18n } from '../../../app/i18n';

const collator = new Intl.Collator('nb-NO');

export function UnitTable({ units, labelledBy }: { units: readonly UnitDto[]; labelledBy: string }) {
  const { t } = useI18n();
  const sorted = [...units].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <ScrollTable labelledBy={labelledBy} className="unit-table">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('units.table.name')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('units.table.kind')}</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('units.table.staffCount')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('units.table.createdAt')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {sorted.map((unit) => (
          <Table.Row key={unit.id}>
            <Table.Cell>{unit.name}</Table.Cell>
            <Table.Cell>{t(`units.kinds.${unit.kind}`)}</Table.Cell>
            <Table.Cell className="numeric">{formatNumber(unit.staffCount)}</Table.Cell>
            <Table.Cell>{formatDate(unit.createdAt)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollTable>
  );
}
