import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ImportMode, ImportReport } from '../../../../shared/api/stock-io';
import { isApiError } from '../../../app/api-client';
import { SubmitFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ImportReportTable } from './ImportReportTable';
import {
  exportUrls,
  MAX_FILE_BYTES,
  readImportFile,
  rowsFromProblems,
  templateUrl,
  useImportDwellings,
  type ImportFile,
  type ReportRow,
} from './stock-io.api';

type Checked = { file: ImportFile; report: ImportReport };

/** /boliger/import: choose a file, check it, see every bad row, then import all or the valid rows. */
export function ImportPage() {
  const { t } = useI18n();
  usePageTitle(t('stockIo.title'));
  const can = useCan();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const check = useImportDwellings();
  const save = useImportDwellings();

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (check.isPending) return;
    const file = fileInput.current?.files?.[0];
    setChecked(null);
    setDone(null);
    save.reset();
    if (!file) {
      setFileError(t('stockIo.upload.fileRequired'));
      fileInput.current?.focus();
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('stockIo.upload.fileTooLarge'));
      fileInput.current?.focus();
      return;
    }
    setFileError(null);
    const content = await readImportFile(file);
    check.mutate({ ...content, mode: 'validate' }, { onSuccess: (report) => setChecked({ file: content, report }) });
  }

  function onImport(mode: ImportMode) {
    if (!checked || save.isPending) return;
    save.mutate({ ...checked.file, mode }, { onSuccess: (report) => setDone(report) });
  }

  function reset() {
    setChecked(null);
    setDone(null);
    check.reset();
    save.reset();
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
  }

  const refusedRows: ReportRow[] | null =
    isApiError(save.error) && save.error.code === 'import.rows_invalid' ? rowsFromProblems(save.error.errors) : null;

  if (done) {
    return (
      <>
        <PageHeading>{t('stockIo.title')}</PageHeading>
        <Alert data-color="success" role="status" className="notice">
          <Heading level={2} data-size="xs">
            {t('stockIo.success.heading')}
          </Heading>
          <Paragraph>
            {t('stockIo.success.body', { dwellings: done.created.dwellings, leases: done.created.leases })}
          </Paragraph>
          {done.invalidRows > 0 ? (
            <Paragraph>{t('stockIo.success.skipped', { count: done.invalidRows })}</Paragraph>
          ) : null}
        </Alert>
        <Paragraph>
          <RouterLink to="/boliger">{t('stockIo.success.toList')}</RouterLink>
        </Paragraph>
        <Button variant="secondary" onClick={reset}>
          {t('stockIo.success.again')}
        </Button>
      </>
    );
  }

  const report = checked?.report;
  const ignored = report?.columns.filter((c) => c.column === null && c.header.trim() !== '').map((c) => c.header) ?? [];

  return (
    <>
      <PageHeading lead={t('stockIo.intro')}>{t('stockIo.title')}</PageHeading>

      <PageSection headingId="stock-io-template" heading={t('stockIo.template.heading')}>
        <Paragraph>{t('stockIo.template.body')}</Paragraph>
        <Paragraph>
          <Link href={templateUrl} download>
            {t('stockIo.template.link')}
          </Link>
        </Paragraph>
      </PageSection>

      <PageSection headingId="stock-io-upload" heading={t('stockIo.upload.heading')}>
        <form className="form-stack" onSubmit={onCheck} noValidate>
          <Field>
            <Label htmlFor={fileInputId}>{t('stockIo.upload.file')}</Label>
            <Field.Description>{t('stockIo.upload.fileHelp')}</Field.Description>
            <Input
              id={fileInputId}
              ref={fileInput}
              type="file"
              name="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={fileError ? true : undefined}
              onChange={() => {
                setFileError(null);
                setChecked(null);
                save.reset();
              }}
            />
            {fileError ? <ValidationMessage>{fileError}</ValidationMessage> : null}
          </Field>
          <div>
            <Button type="submit" loading={check.isPending}>
              {check.isPending ? t('stockIo.upload.checking') : t('stockIo.upload.check')}
            </Button>
          </div>
          <SubmitFailure error={check.error} />
        </form>
      </PageSection>

      {report ? (
        <PageSection headingId="stock-io-report" heading={t('stockIo.report.heading')}>
          <div role="status">
            <Paragraph>
              {t('stockIo.report.summary', {
                total: report.totalRows,
                valid: report.validRows,
                invalid: report.invalidRows,
              })}
            </Paragraph>
            {report.leaseRows > 0 ? (
              <Paragraph>{t('stockIo.report.leaseRows', { count: report.leaseRows })}</Paragraph>
            ) : null}
            {report.invalidRows === 0 ? <Paragraph>{t('stockIo.report.allValid')}</Paragraph> : null}
          </div>
          {ignored.length > 0 ? (
            <Paragraph>{t('stockIo.report.ignoredColumns', { columns: ignored.join(', ') })}</Paragraph>
          ) : null}
          {report.rows.length > 0 ? <ImportReportTable rows={report.rows} labelledBy="stock-io-report" /> : null}

          {report.validRows > 0 ? (
            <div className="form-stack">
              <Heading level={3} data-size="xs">
                {t('stockIo.importing.heading')}
              </Heading>
              <div>
                <Button
                  onClick={() => onImport('all_or_nothing')}
                  loading={save.isPending && save.variables?.mode === 'all_or_nothing'}
                >
                  {save.isPending && save.variables?.mode === 'all_or_nothing'
                    ? t('stockIo.importing.pending')
                    : t('stockIo.importing.allOrNothing', { count: report.totalRows })}
                </Button>
                <Paragraph data-size="sm">{t('stockIo.importing.allOrNothingHelp')}</Paragraph>
              </div>
              {report.invalidRows > 0 ? (
                <div>
                  <Button
                    variant="secondary"
                    onClick={() => onImport('valid_rows')}
                    loading={save.isPending && save.variables?.mode === 'valid_rows'}
                  >
                    {save.isPending && save.variables?.mode === 'valid_rows'
                      ? t('stockIo.importing.pending')
                      : t('stockIo.importing.validOnly', { count: report.validRows })}
                  </Button>
                  <Paragraph data-size="sm">{t('stockIo.importing.validOnlyHelp')}</Paragraph>
                </div>
              ) : null}
              {refusedRows ? (
                <div>
                  <Alert data-color="danger" role="alert" className="notice">
                    <Paragraph id="stock-io-refused">{t('stockIo.importing.failed')}</Paragraph>
                  </Alert>
                  <ImportReportTable rows={refusedRows} labelledBy="stock-io-refused" />
                </div>
              ) : (
                <SubmitFailure error={save.error} />
              )}
            </div>
          ) : null}
        </PageSection>
      ) : null}

      {can('export:dwelling:any') ? (
        <PageSection headingId="stock-io-export" heading={t('stockIo.export.heading')}>
          <Paragraph>{t('stockIo.export.body')}</Paragraph>
          <ul>
            <li>
              <Link href={exportUrls.xlsx} download>
                {t('stockIo.export.xlsx')}
              </Link>
            </li>
            <li>
              <Link href={exportUrls.csv} download>
                {t('stockIo.export.csv')}
              </Link>
            </li>
            <li>
              <Link href={exportUrls.kobo} download>
                {t('stockIo.export.kobo')}
              </Link>
            </li>
          </ul>
        </PageSection>
      ) : null}
    </>
  );
}
