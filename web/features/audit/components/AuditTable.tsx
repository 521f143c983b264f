import { Table } from '@digdir/designsystemet-react';
import type { AuditEntryDto } from '../../../../shared/api/audit';
import { formatDateTime } from '../../../../shared/i18n';
import { ScrollTable } from '../../../components/ScrollTable';
import { useI18n } from '../../../app/i18n';

const empty = '–';

/** One row per audit entry, newest first (the server's order). Times are Oslo wall-clock time. */
export function AuditTable({ entries, labelledBy }: { entries: readonly AuditEntryDto[]; labelledBy: string }) {
  const { t, codeText } = useI18n();
  return (
    <ScrollTable labelledBy={labelledBy} data-size="sm" className="audit-table">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('auditLog.table.time')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.user')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.roles')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.unit')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.action')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.entity')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.subject')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.fields')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.purpose')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('auditLog.table.requestId')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {entries.map((entry) => (
          <Table.Row key={entry.seq}>
            <Table.Cell className="nowrap">
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </Table.Cell>
            <Table.Cell>{entry.actor.name ?? t('auditLog.unknownUser')}</Table.Cell>
            <Table.Cell>{entry.actor.roles.map((role) => codeText('roles', role)).join(', ') || empty}</Table.Cell>
            <Table.Cell>{entry.unit?.name ?? empty}</Table.Cell>
            <Table.Cell>{codeText('auditActions', entry.action)}</Table.Cell>
            <Table.Cell>{codeText('entities', entry.entity)}</Table.Cell>
            <Table.Cell>
              {entry.subject ? (
                <>
                  {entry.subject.name ?? codeText('entities', entry.subject.type)}
                  <span className="id-text">{entry.subject.id}</span>
                </>
              ) : (
                empty
              )}
            </Table.Cell>
            <Table.Cell>{entry.fields.join(', ') || empty}</Table.Cell>
            <Table.Cell>
              {codeText('purposes', entry.purpose)}
              {entry.purposeRef ? ` (${entry.purposeRef})` : ''}
            </Table.Cell>
            <Table.Cell>
              <span className="id-text">{entry.requestId ?? empty}</span>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollTable>
  );
}
