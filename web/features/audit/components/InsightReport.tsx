import { Alert, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { InsightResponse } from '../../../../shared/api/audit';
import { formatDate, formatDateTime } from '../../../../shared/i18n';
import { ScrollTable } from '../../../components/ScrollTable';
import { useI18n } from '../../../app/i18n';
import { insightPdfHref } from '../audit.api';

const empty = '–';

/** The subject access report, readable on screen, with the PDF in bokmål and nynorsk. */
export function InsightReport({ report }: { report: InsightResponse }) {
  const { t, codeText } = useI18n();
  const { subject, period } = report;
  return (
    <section aria-labelledby="insight-report-heading" className="section">
      <Heading level={2} data-size="md" id="insight-report-heading">
        {t('insight.reportHeading', { name: subject.name })}
      </Heading>
      <div>
        <Paragraph>{t('insight.period', { from: formatDate(period.from), to: formatDate(period.to) })}</Paragraph>
        <Paragraph>{t('insight.municipality', { name: report.municipality })}</Paragraph>
      </div>
      <Alert data-color="info" className="notice">
        <Paragraph>{report.employeeNamesShown ? t('insight.namesShownNote') : t('insight.namesNote')}</Paragraph>
      </Alert>
      {report.entries.length === 0 ? (
        <Paragraph>{t('insight.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph id="insight-entries-caption">
            {report.entries.length === 1
              ? t('insight.entryCountOne')
              : t('insight.entryCount', { count: report.entries.length })}
          </Paragraph>
          <ScrollTable labelledBy="insight-report-heading" aria-describedby="insight-entries-caption">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('insight.table.time')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('insight.table.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('insight.table.roles')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('insight.table.action')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('insight.table.purpose')}</Table.HeaderCell>
                {report.employeeNamesShown ? (
                  <Table.HeaderCell scope="col">{t('insight.table.employee')}</Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {report.entries.map((entry, index) => (
                <Table.Row key={`${entry.occurredAt}-${index}`}>
                  <Table.Cell className="nowrap">
                    <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
                  </Table.Cell>
                  <Table.Cell>{entry.unitName ?? empty}</Table.Cell>
                  <Table.Cell>{entry.roles.map((role) => codeText('roles', role)).join(', ') || empty}</Table.Cell>
                  <Table.Cell>{codeText('auditActions', entry.action)}</Table.Cell>
                  <Table.Cell>{codeText('purposes', entry.purpose)}</Table.Cell>
                  {report.employeeNamesShown ? <Table.Cell>{entry.employeeName ?? empty}</Table.Cell> : null}
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        </>
      )}
      <Heading level={3} data-size="xs">
        {t('insight.downloadHeading')}
      </Heading>
      <ul className="link-list">
        <li>
          <Link href={insightPdfHref(subject.id, period, 'nb')} hrefLang="nb">
            {t('insight.pdfNb')}
          </Link>
        </li>
        <li>
          <Link href={insightPdfHref(subject.id, period, 'nn')} hrefLang="nn">
            {t('insight.pdfNn')}
          </Link>
        </li>
      </ul>
      <Paragraph data-size="sm">{t('insight.auditNotice')}</Paragraph>
    </section>
  );
}
