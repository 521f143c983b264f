import {
  Alert,
  Button,
  Checkbox,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import type { IntakeRequest, IntakeResponse } from '../../../../shared/api/intake';
import { SubmitFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { MAX_INTAKE_BYTES, useIntake } from '../intake.api';
import { canCommit, intakeFormat, knownReason, problemKey, reportCounts } from '../intake-report';

type IntakeFile = Pick<IntakeRequest, 'fileName' | 'content' | 'format'>;
type Checked = { file: IntakeFile; report: IntakeResponse };

const fileInputId = 'intake-file';

/** /husstander/import: choose IMDi's file, check it (nothing saved), see every problem, then import. */
export function IntakePage() {
  const { t } = useI18n();
  usePageTitle(t('intake.title'));
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [link, setLink] = useState(false);
  const [done, setDone] = useState<IntakeResponse | null>(null);
  const check = useIntake();
  const save = useIntake();

  const validate = (file: IntakeFile, linkExisting: boolean) =>
    check.mutate(
      { ...file, mode: 'validate', onExisting: linkExisting ? 'link' : 'refuse' },
      { onSuccess: (report) => setChecked({ file, report }) },
    );

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (check.isPending) return;
    const file = fileInput.current?.files?.[0];
    setChecked(null);
    setLink(false);
    save.reset();
    const refuse = (text: string) => {
      setFileError(text);
      fileInput.current?.focus();
    };
    if (!file) return refuse(t('intake.upload.fileRequired'));
    const format = intakeFormat(file.name);
    if (!format) return refuse(t('intake.upload.fileType'));
    if (file.size > MAX_INTAKE_BYTES) return refuse(t('intake.upload.fileTooLarge'));
    setFileError(null);
    validate({ fileName: file.name, content: await file.text(), format }, false);
  }

  function onLinkChange(next: boolean) {
    setLink(next);
    save.reset();
    // The report depends on the choice (a linked person may be in another household): check again.
    if (checked) validate(checked.file, next);
  }

  function onImport() {
    if (!checked || save.isPending) return;
    save.mutate(
      { ...checked.file, mode: 'commit', onExisting: link ? 'link' : 'refuse' },
      { onSuccess: (report) => setDone(report) },
    );
  }

  function again() {
    setChecked(null);
    setDone(null);
    setLink(false);
    check.reset();
    save.reset();
  }

  if (done) return <IntakeDone report={done} onAgain={again} />;

  const report = checked?.report;
  return (
    <>
      <PageHeading lead={t('intake.intro')}>{t('intake.title')}</PageHeading>
      <Paragraph>
        <RouterLink to="/husstander">{t('intake.toHouseholds')}</RouterLink>
      </Paragraph>

      <PageSection headingId="intake-format-heading" heading={t('intake.format.heading')}>
        <Paragraph variant="long">{t('intake.format.body')}</Paragraph>
        <Paragraph variant="long">{t('intake.format.csv')}</Paragraph>
        <Paragraph variant="long">{t('intake.format.privacy')}</Paragraph>
        <Paragraph variant="long">{t('intake.format.docs')}</Paragraph>
      </PageSection>

      <PageSection headingId="intake-upload-heading" heading={t('intake.upload.heading')}>
        <form className="form-stack narrow" onSubmit={onCheck} noValidate>
          <Field>
            <Label htmlFor={fileInputId}>{t('intake.upload.file')}</Label>
            <Field.Description>{t('intake.upload.fileHelp')}</Field.Description>
            <Input
              id={fileInputId}
              ref={fileInput}
              type="file"
              name="file"
              accept=".json,.csv,application/json,text/csv"
              aria-invalid={fileError ? true : undefined}
              onChange={() => {
                setFileError(null);
                setChecked(null);
                check.reset();
                save.reset();
              }}
            />
            {fileError ? <ValidationMessage>{fileError}</ValidationMessage> : null}
          </Field>
          <SubmitFailure error={check.error} />
          <div>
            <Button type="submit" loading={check.isPending}>
              {check.isPending ? t('intake.upload.checking') : t('intake.upload.check')}
            </Button>
          </div>
        </form>
      </PageSection>

      {checked && report ? (
        <>
          <IntakeReport fileName={checked.file.fileName} report={report} />
          <PageSection headingId="intake-commit-heading" heading={t('intake.commit.heading')}>
            {report.matches.length > 0 || link ? (
              <Checkbox
                id="intake-link-existing"
                label={t('intake.commit.onExisting')}
                description={t('intake.commit.onExistingHelp')}
                checked={link}
                disabled={check.isPending}
                onChange={(event) => onLinkChange(event.target.checked)}
              />
            ) : null}
            {report.problems.length > 0 ? (
              <Alert data-color="warning" className="notice">
                <Paragraph>{t('intake.commit.blocked')}</Paragraph>
              </Alert>
            ) : !canCommit(report) ? (
              <Paragraph>{t('intake.commit.nothing')}</Paragraph>
            ) : null}
            <SubmitFailure error={save.error} />
            <div>
              <Button
                type="button"
                loading={save.isPending}
                disabled={!canCommit(report) || check.isPending}
                onClick={onImport}
              >
                {save.isPending ? t('intake.commit.submitting') : t('intake.commit.submit')}
              </Button>
            </div>
          </PageSection>
        </>
      ) : null}
    </>
  );
}

function IntakeReport({ fileName, report }: { fileName: string; report: IntakeResponse }) {
  const { t } = useI18n();
  const counts = reportCounts(report);
  const problemText = (problem: IntakeResponse['problems'][number]) => {
    const text = t(problemKey(problem.code));
    if (problem.reason === undefined) return text;
    const reason = knownReason(problem.reason);
    return t('intake.report.problemWithReason', {
      problem: text,
      reason: reason ? t(`intake.reasons.${reason}`) : problem.reason,
    });
  };
  return (
    <PageSection headingId="intake-report-heading" heading={t('intake.report.heading')}>
      <Paragraph>{t('intake.report.fileName', { name: fileName })}</Paragraph>
      <Paragraph role="status">{t('intake.report.summary', counts)}</Paragraph>

      <Heading level={3} data-size="xs" id="intake-cases-heading">
        {t('intake.report.casesHeading')}
      </Heading>
      <ScrollTable labelledBy="intake-cases-heading">
        <TableHeader
          columns={[
            t('intake.report.caseId'),
            { label: t('intake.report.persons'), numeric: true },
            t('intake.report.outcome'),
            t('intake.report.household'),
          ]}
        />
        <Table.Body>
          {report.cases.map((c, index) => (
            <Table.Row key={`${c.imdiCaseId}-${index}`}>
              <Table.Cell className="mono">{c.imdiCaseId}</Table.Cell>
              <Table.Cell className="numeric">{c.persons}</Table.Cell>
              <Table.Cell>{t(`intake.report.outcomes.${c.outcome}`)}</Table.Cell>
              <Table.Cell>
                {c.household ? (
                  <RouterLink to={`/husstander/${c.household.id}`}>{c.household.reference}</RouterLink>
                ) : (
                  t('intake.report.noHousehold')
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollTable>

      <Heading level={3} data-size="xs" id="intake-problems-heading">
        {t('intake.report.problemsHeading')}
      </Heading>
      {report.problems.length === 0 ? (
        <Paragraph>{t('intake.report.noProblems')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('intake.report.problemsIntro')}</Paragraph>
          <ScrollTable labelledBy="intake-problems-heading">
            <TableHeader
              columns={[
                t('intake.report.case'),
                t('intake.report.person'),
                t('intake.report.where'),
                t('intake.report.problem'),
              ]}
            />
            <Table.Body>
              {report.problems.map((problem, index) => (
                <Table.Row key={index}>
                  <Table.Cell className="mono">{problem.caseRef || t('intake.report.wholeFile')}</Table.Cell>
                  <Table.Cell className="mono">{problem.personRef ?? '–'}</Table.Cell>
                  <Table.Cell className="mono">{problem.path}</Table.Cell>
                  <Table.Cell>{problemText(problem)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        </>
      )}

      {report.matches.length > 0 ? (
        <>
          <Heading level={3} data-size="xs" id="intake-matches-heading">
            {t('intake.report.matchesHeading')}
          </Heading>
          <Paragraph>{t('intake.report.matchesIntro')}</Paragraph>
          <ScrollTable labelledBy="intake-matches-heading">
            <TableHeader
              columns={[
                t('intake.report.case'),
                t('intake.report.person'),
                t('intake.report.matchedOn'),
                t('intake.report.existingPerson'),
                t('intake.report.existingHousehold'),
              ]}
            />
            <Table.Body>
              {report.matches.map((match, index) => (
                <Table.Row key={index}>
                  <Table.Cell className="mono">{match.caseRef}</Table.Cell>
                  <Table.Cell className="mono">{match.personRef}</Table.Cell>
                  <Table.Cell>{t(`intake.report.matchOn.${match.on}`)}</Table.Cell>
                  <Table.Cell>
                    <RouterLink to={`/personer/${match.existingPersonId}`}>{t('intake.report.openPerson')}</RouterLink>
                  </Table.Cell>
                  <Table.Cell>
                    {match.household ? (
                      <RouterLink to={`/husstander/${match.household.id}`}>{match.household.reference}</RouterLink>
                    ) : (
                      t('intake.report.noHousehold')
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        </>
      ) : null}
    </PageSection>
  );
}

function IntakeDone({ report, onAgain }: { report: IntakeResponse; onAgain: () => void }) {
  const { t } = useI18n();
  const created = report.cases.flatMap((c) => (c.household ? [{ caseId: c.imdiCaseId, household: c.household }] : []));
  return (
    <>
      <PageHeading>{t('intake.title')}</PageHeading>
      <Alert data-color="success" role="status" className="notice">
        <Heading level={2} data-size="xs">
          {t('intake.success.heading')}
        </Heading>
        <Paragraph>{t('intake.success.body', { count: report.created })}</Paragraph>
      </Alert>
      {created.length > 0 ? (
        <PageSection headingId="intake-created-heading" heading={t('intake.success.householdsHeading')}>
          <ul className="link-list">
            {created.map(({ caseId, household }) => (
              <li key={household.id}>
                <RouterLink to={`/husstander/${household.id}`}>
                  {t('intake.success.household', { reference: household.reference, caseId })}
                </RouterLink>
              </li>
            ))}
          </ul>
        </PageSection>
      ) : null}
      <Paragraph>
        <RouterLink to="/husstander">{t('intake.toHouseholds')}</RouterLink>
      </Paragraph>
      <div>
        <Button variant="secondary" onClick={onAgain}>
          {t('intake.commit.again')}
        </Button>
      </div>
    </>
  );
}
