import { Table } from '@digdir/designsystemet-react';
import type { ImportProblemCode } from '../../../../shared/api/stock-io';
import { formatNumber, type MessageKey } from '../../../../shared/i18n';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { useI18n } from '../../../app/i18n';
import type { ReportRow } from './stock-io.api';

export function problemKey(code: ImportProblemCode): MessageKey {
  return `stockIo.problems.${code.replace('.', '_')}` as MessageKey;
}

/** One table row per problem: spreadsheet row, column, what is wrong, and the value (never a name). */
export function ImportReportTable({ rows, labelledBy }: { rows: readonly ReportRow[]; labelledBy: string }) {
  const { t } = useI18n();
  return (
    <ScrollTable labelledBy={labelledBy}>
      <caption className="ds-sr-only">{t('stockIo.report.caption')}</caption>
      <TableHeader
        columns={[
          { label: t('stockIo.report.row'), numeric: true },
          t('stockIo.report.column'),
          t('stockIo.report.problem'),
          t('stockIo.report.value'),
        ]}
      />
      <Table.Body>
        {rows.flatMap((row) =>
          row.problems.map((problem, i) => (
            <Table.Row key={`${row.row}-${i}`}>
              <Table.Cell className="numeric">{formatNumber(row.row)}</Table.Cell>
              <Table.Cell>
                {problem.column ? t(`stockIo.columns.${problem.column}`) : t('stockIo.report.wholeRow')}
              </Table.Cell>
              <Table.Cell>{t(problemKey(problem.code))}</Table.Cell>
              <Table.Cell className="mono">{problem.value ?? ''}</Table.Cell>
            </Table.Row>
          )),
        )}
      </Table.Body>
    </ScrollTable>
  );
}
