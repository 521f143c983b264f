import { Alert, Button, Checkbox, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import type { CriteriaResponse } from '../../../../shared/api/allocation';
import { softCriterionCodes } from '../../../../shared/domain/allocation-criteria';
import { formatDateTime } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, QueryContent, SubmitFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { CheckboxGroupField } from '../../../components/CheckboxGroupField';
import { FactList } from '../../../components/FactList';
import { FormErrorSummary, type FormErrorItem } from '../../../components/FormErrorSummary';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { useCriteria, useSaveCriteria } from '../allocation.api';
import {
  earmarkingOptions,
  fromForm,
  toForm,
  type CriteriaField,
  type CriteriaForm,
  type FieldProblem,
  type NumberField,
} from '../criteria-form';

// /tildeling/kriterier — the allocation criteria (issue 6 item 1): the current version and the
// history; users with write:allocation save a changed set as a NEW version with a note. The save
// names the version it started from, so a version saved by someone else in between is refused
// (409 allocation.criteria_outdated) rather than silently overwritten.

export function CriteriaPage() {
  const { t } = useI18n();
  usePageTitle(t('allocation.criteria.title'));
  const criteria = useCriteria();
  const [notice, setNotice] = useState<string | null>(null);
  if (isNoAccess(criteria.error)) return <NoAccessPage />;
  return (
    <>
      <PageHeading lead={t('allocation.criteria.lead')}>{t('allocation.criteria.title')}</PageHeading>
      <Paragraph>
        <RouterLink to="/tildeling">{t('allocation.links.workbench')}</RouterLink>
      </Paragraph>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <QueryContent error={criteria.error} data={criteria.data}>
        {(data) => (
          <>
            <CurrentVersion data={data} />
            {data.actions.update ? (
              <CriteriaEditor key={data.current.version} data={data} onSaved={setNotice} refetch={criteria.refetch} />
            ) : (
              <Paragraph>{t('allocation.criteria.readOnly')}</Paragraph>
            )}
            <History data={data} />
          </>
        )}
      </QueryContent>
    </>
  );
}

function CurrentVersion({ data }: { data: CriteriaResponse }) {
  const { t } = useI18n();
  const c = data.current;
  return (
    <PageSection headingId="criteria-current-heading" heading={t('allocation.criteria.current')}>
      <FactList
        facts={[
          { term: t('allocation.criteria.version'), value: String(c.version) },
          { term: t('allocation.criteria.createdAt'), value: formatDateTime(c.createdAt) },
          { term: t('allocation.criteria.createdBy'), value: c.createdBy ?? t('allocation.unknown') },
          { term: t('allocation.criteria.note'), value: c.note || t('allocation.none') },
        ]}
      />
    </PageSection>
  );
}

function History({ data }: { data: CriteriaResponse }) {
  const { t } = useI18n();
  return (
    <PageSection headingId="criteria-history-heading" heading={t('allocation.criteria.history')}>
      {data.history.length === 0 ? (
        <Paragraph>{t('allocation.criteria.historyEmpty')}</Paragraph>
      ) : (
        <ScrollTable labelledBy="criteria-history-heading" data-size="sm">
          <TableHeader
            columns={[
              { label: t('allocation.criteria.version'), numeric: true },
              t('allocation.criteria.createdAt'),
              t('allocation.criteria.createdBy'),
              t('allocation.criteria.note'),
            ]}
          />
          <Table.Body>
            {data.history.map((v) => (
              <Table.Row key={v.version}>
                <Table.Cell className="numeric">{v.version}</Table.Cell>
                <Table.Cell>{formatDateTime(v.createdAt)}</Table.Cell>
                <Table.Cell>{v.createdBy ?? t('allocation.unknown')}</Table.Cell>
                <Table.Cell>{v.note || t('allocation.none')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      )}
    </PageSection>
  );
}

const fieldId = (field: CriteriaField | 'note') => `criteria-${field}`;

function CriteriaEditor({
  data,
  onSaved,
  refetch,
}: {
  data: CriteriaResponse;
  onSaved: (text: string | null) => void;
  refetch: () => Promise<unknown>;
}) {
  const { t, errorText } = useI18n();
  const save = useSaveCriteria();
  const [form, setForm] = useState<CriteriaForm>(() => toForm(data.current.criteria));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Partial<Record<CriteriaField | 'note', FieldProblem | { code: 'noteRequired' }>>>({});
  const [attempt, setAttempt] = useState(0);

  const problemText = (p: FieldProblem | { code: 'noteRequired' }) =>
    p.code === 'numberRange' && 'min' in p
      ? t('allocation.criteria.problems.numberRange', { min: p.min ?? 0, max: p.max ?? 0 })
      : t(`allocation.criteria.problems.${p.code}`);
  const errorOf = (field: CriteriaField | 'note') => {
    const p = problems[field];
    return p ? problemText(p) : undefined;
  };
  const setNumber = (name: NumberField, value: string) => setForm((f) => ({ ...f, numbers: { ...f.numbers, [name]: value } }));

  const numberField = (name: NumberField, label: string, description?: string, inputMode: 'numeric' | 'decimal' = 'numeric') => (
    <Textfield
      id={fieldId(name)}
      label={label}
      description={description}
      value={form.numbers[name]}
      error={errorOf(name)}
      inputMode={inputMode}
      autoComplete="off"
      onChange={(event) => setNumber(name, event.target.value)}
    />
  );

  const submit = () => {
    if (save.isPending) return;
    onSaved(null);
    save.reset();
    setAttempt((n) => n + 1);
    const read = fromForm(form);
    const found: typeof problems = 'problems' in read ? { ...read.problems } : {};
    if (note.trim() === '') found.note = { code: 'noteRequired' };
    setProblems(found);
    if (!('criteria' in read) || Object.keys(found).length > 0) return;
    save.mutate(
      { basedOn: data.current.version, criteria: read.criteria, note: note.trim() },
      { onSuccess: (saved) => onSaved(t('allocation.criteria.saved', { version: saved.version })) },
    );
  };

  const order: (CriteriaField | 'note')[] = ['baseScore', 'pointsPerWeight', ...softCriterionCodes.map((c) => `weight_${c}` as const)];
  const allFields = [
    ...order,
    ...(Object.keys(form.numbers) as NumberField[]).filter((n) => !order.includes(n)),
    'earmarkings' as const,
    'note' as const,
  ];
  const summary: FormErrorItem[] = allFields.flatMap((field) => {
    const text = errorOf(field);
    return text ? [{ fieldId: fieldId(field), message: text }] : [];
  });
  const outdated = isApiError(save.error) && save.error.code === 'allocation.criteria_outdated';

  return (
    <>
      <SubmitFailure error={save.error} explained={outdated} />
      {outdated ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{errorText('allocation.criteria_outdated')}</Paragraph>
          <div>
            <Button type="button" variant="secondary" onClick={() => void refetch()}>
              {t('allocation.criteria.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}
      <FormErrorSummary heading={t('allocation.criteria.errorSummaryHeading')} attempt={attempt} items={summary} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group id="criteria-points-heading" heading={t('allocation.criteria.points.heading')}>
          {numberField('baseScore', t('allocation.criteria.points.baseScore'), t('allocation.criteria.points.baseScoreHelp'))}
          {numberField('pointsPerWeight', t('allocation.criteria.points.pointsPerWeight'), t('allocation.criteria.points.pointsPerWeightHelp'))}
        </Group>
        <Group id="criteria-weights-heading" heading={t('allocation.criteria.weights.heading')} help={t('allocation.criteria.weights.help')}>
          {softCriterionCodes.map((code) => (
            <div key={code}>
              {numberField(
                `weight_${code}`,
                t('allocation.criteria.weights.label', { criterion: t(`allocation.contributions.labels.${code}`) }),
                t(`allocation.criteria.weights.help_${code}`),
              )}
            </div>
          ))}
        </Group>
        <Group id="criteria-occupancy-heading" heading={t('allocation.criteria.occupancy.heading')}>
          {numberField('maxExtraBedrooms', t('allocation.criteria.occupancy.maxExtraBedrooms'), t('allocation.criteria.occupancy.maxExtraBedroomsHelp'))}
          {numberField('allowFewerBedrooms', t('allocation.criteria.occupancy.allowFewerBedrooms'), t('allocation.criteria.occupancy.allowFewerBedroomsHelp'))}
          {numberField('childrenShareBelowAge', t('allocation.criteria.occupancy.childrenShareBelowAge'))}
          <Checkbox
            id="criteria-includeReunification"
            label={t('allocation.criteria.occupancy.includeReunification')}
            checked={form.includeReunification}
            onChange={(event) => setForm((f) => ({ ...f, includeReunification: event.target.checked }))}
          />
        </Group>
        <Group id="criteria-affordability-heading" heading={t('allocation.criteria.affordability.heading')} help={t('allocation.criteria.affordability.help')}>
          <Checkbox
            id="criteria-affordabilityEnabled"
            label={t('allocation.criteria.affordability.enabled')}
            checked={form.affordabilityEnabled}
            onChange={(event) => setForm((f) => ({ ...f, affordabilityEnabled: event.target.checked }))}
          />
          {numberField('incomePerAdultOre', t('allocation.criteria.affordability.incomePerAdult'), undefined, 'decimal')}
          {numberField('incomePerChildOre', t('allocation.criteria.affordability.incomePerChild'), undefined, 'decimal')}
          {numberField('rentShareOfIncomePercent', t('allocation.criteria.affordability.rentShareOfIncome'))}
          {numberField('allowanceOwnSharePercent', t('allocation.criteria.affordability.allowanceOwnShare'))}
          {numberField('allowanceCoveragePercent', t('allocation.criteria.affordability.allowanceCoverage'))}
          {numberField('allowanceCeilingOre', t('allocation.criteria.affordability.allowanceCeiling'), undefined, 'decimal')}
        </Group>
        <Group id="criteria-proximity-heading" heading={t('allocation.criteria.proximity.heading')} help={t('allocation.criteria.proximity.help')}>
          {numberField('goodMinutes', t('allocation.criteria.proximity.goodMinutes'))}
          {numberField('maxMinutes', t('allocation.criteria.proximity.maxMinutes'))}
        </Group>
        <Group id="criteria-urgency-heading" heading={t('allocation.criteria.urgency.heading')}>
          {numberField('fullAfterDays', t('allocation.criteria.urgency.fullAfterDays'))}
        </Group>
        <Group id="criteria-earmarkings-heading" heading={t('allocation.criteria.earmarkings.legend')}>
          <CheckboxGroupField
            id={fieldId('earmarkings')}
            legend={t('allocation.criteria.earmarkings.legend')}
            description={t('allocation.criteria.earmarkings.help')}
            options={earmarkingOptions.map((e) => ({ value: e, label: t(`dwellings.earmarkings.${e}`) }))}
            value={form.earmarkings}
            error={errorOf('earmarkings')}
            onChange={(next) => setForm((f) => ({ ...f, earmarkings: earmarkingOptions.filter((e) => next.includes(e)) }))}
          />
        </Group>
        <Group id="criteria-composition-heading" heading={t('allocation.criteria.composition.heading')} help={t('allocation.criteria.composition.help')}>
          {numberField('supportPerBuildingMax', t('allocation.criteria.composition.supportPerBuildingMax'))}
          {numberField('ageBandPerBuildingMaxPercent', t('allocation.criteria.composition.ageBandPerBuildingMaxPercent'))}
          {numberField('areaSettlementMaxPercent', t('allocation.criteria.composition.areaSettlementMaxPercent'))}
          <SelectField
            id="criteria-areaKey"
            label={t('allocation.criteria.composition.areaKey')}
            value={form.areaKey}
            onChange={(event) => setForm((f) => ({ ...f, areaKey: event.target.value === 'school_district' ? 'school_district' : 'area_zone' }))}
          >
            <option value="area_zone">{t('allocation.criteria.composition.areaKeys.area_zone')}</option>
            <option value="school_district">{t('allocation.criteria.composition.areaKeys.school_district')}</option>
          </SelectField>
        </Group>
        <div className="form-stack narrow section">
          <Textfield
            id={fieldId('note')}
            label={t('allocation.criteria.noteLabel')}
            description={t('allocation.criteria.noteHelp')}
            multiline
            rows={3}
            value={note}
            error={errorOf('note')}
            onChange={(event) => setNote(event.target.value)}
          />
          <SubmitButton pending={save.isPending} label={t('allocation.criteria.save')} pendingLabel={t('allocation.criteria.saving')} />
        </div>
      </form>
    </>
  );
}

function Group({ id, heading, help, children }: { id: string; heading: string; help?: string; children: ReactNode }) {
  return (
    <PageSection headingId={id} heading={heading}>
      {help ? <Paragraph>{help}</Paragraph> : null}
      <div className="form-stack narrow">{children}</div>
    </PageSection>
  );
}
