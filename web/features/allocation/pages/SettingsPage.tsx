import { Alert, Button, Input, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import type { AllocationSettingsDto } from '../../../../shared/api/allocation';
import { isNoAccess, isVersionConflict, NoAccessPage, QueryContent, SubmitFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { FactList } from '../../../components/FactList';
import { FormErrorSummary, type FormErrorItem } from '../../../components/FormErrorSummary';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { useAllocationSettingsQuery, useUpdateAllocationSettings } from '../allocation.api';
import { checkSettings, type ReasonRow, type SettingsProblems } from '../settings-form';

// /tildeling/innstillinger — allocation settings (R5.6, forvaltningsloven § 27): the refusal
// reasons, the days a household has to answer an offer, and where an appeal is sent. Saved with
// If-Match (the version the user saw), like the settlement settings.

export function SettingsPage() {
  const { t } = useI18n();
  usePageTitle(t('allocation.settings.title'));
  const settings = useAllocationSettingsQuery();
  const [notice, setNotice] = useState<string | null>(null);
  if (isNoAccess(settings.error)) return <NoAccessPage />;
  return (
    <>
      <PageHeading lead={t('allocation.settings.lead')}>{t('allocation.settings.title')}</PageHeading>
      <Paragraph>
        <RouterLink to="/tildeling">{t('allocation.links.workbench')}</RouterLink>
      </Paragraph>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <QueryContent error={settings.error} data={settings.data}>
        {(s) => (s.actions.update ? <SettingsForm key={s.version} settings={s} onSaved={setNotice} /> : <SettingsFacts settings={s} />)}
      </QueryContent>
    </>
  );
}

function SettingsFacts({ settings }: { settings: AllocationSettingsDto }) {
  const { t } = useI18n();
  return (
    <>
      <Paragraph>{t('allocation.settings.readOnly')}</Paragraph>
      <PageSection headingId="allocation-reasons-heading" heading={t('allocation.settings.reasons.heading')}>
        <ScrollTable labelledBy="allocation-reasons-heading" data-size="sm">
          <TableHeader columns={[t('allocation.settings.reasons.code'), t('allocation.settings.reasons.label')]} />
          <Table.Body>
            {settings.refusalReasons.map((r) => (
              <Table.Row key={r.code}>
                <Table.Cell className="mono">{r.code}</Table.Cell>
                <Table.Cell>{r.label}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      </PageSection>
      <PageSection headingId="allocation-answer-heading" heading={t('allocation.settings.answer.heading')}>
        <FactList
          facts={[
            { term: t('allocation.settings.answer.offerAnswerDays'), value: t('allocation.settings.answer.days', { days: settings.offerAnswerDays }) },
          ]}
        />
      </PageSection>
      <PageSection headingId="allocation-appeal-heading" heading={t('allocation.settings.appeal.heading')}>
        <FactList
          facts={[
            { term: t('allocation.settings.appeal.appealOffice'), value: settings.appealOffice || t('allocation.none') },
            { term: t('allocation.settings.appeal.appealAddress'), value: settings.appealAddress || t('allocation.none') },
            { term: t('allocation.settings.appeal.appealBody'), value: settings.appealBody || t('allocation.none') },
          ]}
        />
      </PageSection>
    </>
  );
}

const ids = {
  offerAnswerDays: 'allocation-answer-days',
  appealOffice: 'allocation-appeal-office',
  appealAddress: 'allocation-appeal-address',
  appealBody: 'allocation-appeal-body',
  add: 'allocation-reason-add',
} as const;
const rowId = (index: number, field: 'code' | 'label') => `allocation-reason-${index}-${field}`;

function SettingsForm({ settings, onSaved }: { settings: AllocationSettingsDto; onSaved: (text: string | null) => void }) {
  const { t, errorText } = useI18n();
  const update = useUpdateAllocationSettings();
  const [rows, setRows] = useState<ReasonRow[]>(() => settings.refusalReasons.map((r) => ({ ...r })));
  const [values, setValues] = useState({
    offerAnswerDays: String(settings.offerAnswerDays),
    appealOffice: settings.appealOffice,
    appealAddress: settings.appealAddress,
    appealBody: settings.appealBody,
  });
  const [problems, setProblems] = useState<SettingsProblems>({ rows: {}, fields: {} });
  const [attempt, setAttempt] = useState(0);
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(rowId(focusRow.current, 'code'))?.focus();
    focusRow.current = null;
  }, [rows]);

  const problemText = (code: string) =>
    Object.hasOwn(problemKeys, code) ? t(`allocation.settings.problems.${problemKeys[code as keyof typeof problemKeys]}`) : errorText(code);

  const submit = () => {
    if (update.isPending) return;
    onSaved(null);
    update.reset();
    setAttempt((n) => n + 1);
    const checked = checkSettings(rows, values);
    setProblems(checked.problems);
    if (!checked.request) return;
    update.mutate({ version: settings.version, changes: checked.request }, { onSuccess: () => onSaved(t('allocation.settings.saved')) });
  };

  const summary: FormErrorItem[] = [
    ...(problems.fields.refusalReasons ? [{ fieldId: ids.add, message: problemText(problems.fields.refusalReasons) }] : []),
    ...Object.entries(problems.rows).flatMap(([index, fields]) =>
      (['code', 'label'] as const).flatMap((field) => {
        const code = fields[field];
        return code
          ? [{ fieldId: rowId(Number(index), field), message: t('allocation.settings.reasons.rowProblem', { n: Number(index) + 1, problem: problemText(code) }) }]
          : [];
      }),
    ),
    ...(['offerAnswerDays', 'appealOffice', 'appealAddress', 'appealBody'] as const).flatMap((field) => {
      const code = problems.fields[field];
      return code ? [{ fieldId: ids[field], message: problemText(code) }] : [];
    }),
  ];
  const fieldError = (field: keyof typeof values) => {
    const code = problems.fields[field];
    return code ? problemText(code) : undefined;
  };
  const setRow = (index: number, change: Partial<ReasonRow>) => setRows((current) => current.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <>
      {isVersionConflict(update.error) ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{t('allocation.settings.conflict')}</Paragraph>
        </Alert>
      ) : (
        <SubmitFailure error={update.error} />
      )}
      <FormErrorSummary heading={t('allocation.settings.errorSummaryHeading')} attempt={attempt} items={summary} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <PageSection headingId="allocation-reasons-heading" heading={t('allocation.settings.reasons.heading')}>
          <Paragraph>{t('allocation.settings.reasons.help')}</Paragraph>
          <ScrollTable labelledBy="allocation-reasons-heading" data-size="sm" className="allocation-reasons">
            <TableHeader
              columns={[
                t('allocation.settings.reasons.number'),
                t('allocation.settings.reasons.code'),
                t('allocation.settings.reasons.label'),
                t('allocation.settings.reasons.actions'),
              ]}
            />
            <Table.Body>
              {rows.map((row, index) => {
                const n = index + 1;
                const codes = problems.rows[index] ?? {};
                const cell = (field: 'code' | 'label', label: string) => (
                  <Table.Cell>
                    <Input
                      id={rowId(index, field)}
                      aria-label={label}
                      value={row[field]}
                      autoComplete="off"
                      onChange={(event) => setRow(index, { [field]: event.target.value })}
                      {...(codes[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${rowId(index, field)}-error` } : {})}
                    />
                    {codes[field] ? <ValidationMessage id={`${rowId(index, field)}-error`}>{problemText(codes[field])}</ValidationMessage> : null}
                  </Table.Cell>
                );
                return (
                  <Table.Row key={index}>
                    <Table.Cell>{n}</Table.Cell>
                    {cell('code', t('allocation.settings.reasons.codeLabel', { n }))}
                    {cell('label', t('allocation.settings.reasons.labelLabel', { n }))}
                    <Table.Cell>
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('allocation.settings.reasons.removeLabel', { n })}
                        onClick={() => {
                          setRows((current) => current.filter((_, i) => i !== index));
                          document.getElementById(ids.add)?.focus();
                        }}
                      >
                        {t('allocation.settings.reasons.remove')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </ScrollTable>
          <div>
            <Button
              type="button"
              variant="secondary"
              id={ids.add}
              onClick={() => {
                focusRow.current = rows.length;
                setRows((current) => [...current, { code: '', label: '' }]);
              }}
            >
              {t('allocation.settings.reasons.add')}
            </Button>
          </div>
        </PageSection>
        <PageSection headingId="allocation-answer-heading" heading={t('allocation.settings.answer.heading')}>
          <div className="form-stack narrow">
            <Textfield
              id={ids.offerAnswerDays}
              label={t('allocation.settings.answer.offerAnswerDays')}
              description={t('allocation.settings.answer.offerAnswerDaysHelp')}
              inputMode="numeric"
              autoComplete="off"
              value={values.offerAnswerDays}
              error={fieldError('offerAnswerDays')}
              onChange={(event) => setValues((v) => ({ ...v, offerAnswerDays: event.target.value }))}
            />
          </div>
        </PageSection>
        <PageSection headingId="allocation-appeal-heading" heading={t('allocation.settings.appeal.heading')}>
          <Paragraph>{t('allocation.settings.appeal.help')}</Paragraph>
          <div className="form-stack narrow">
            {(['appealOffice', 'appealAddress', 'appealBody'] as const).map((field) => (
              <Textfield
                key={field}
                id={ids[field]}
                label={t(`allocation.settings.appeal.${field}`)}
                autoComplete="off"
                multiline={field === 'appealAddress'}
                rows={field === 'appealAddress' ? 2 : undefined}
                value={values[field]}
                error={fieldError(field)}
                onChange={(event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }))}
              />
            ))}
            <SubmitButton pending={update.isPending} label={t('allocation.settings.save')} pendingLabel={t('allocation.settings.saving')} />
          </div>
        </PageSection>
      </form>
    </>
  );
}

const problemKeys = {
  code_invalid: 'codeInvalid',
  code_duplicate: 'codeDuplicate',
  label_required: 'labelRequired',
  reasons_required: 'reasonsRequired',
  days_invalid: 'daysInvalid',
  required: 'required',
} as const;
