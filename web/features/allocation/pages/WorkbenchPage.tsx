import { Button, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type ReactNode, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BatchCandidatesResponse, RunDto } from '../../../../shared/api/allocation';
import { formatDate, formatMoneyOre, translate } from '../../../../shared/i18n';
import { isNoAccess, NoAccessPage, QueryContent, SubmitFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { FormErrorSummary, type FormErrorItem } from '../../../components/FormErrorSummary';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader, type TableColumn } from '../../../components/ScrollTable';
import { useCandidates, useCreateRun } from '../allocation.api';
import { OpenOffersSection, RecentRunsSection } from '../components/RunHistory';
import { RunView } from '../components/RunResult';
import { addDays, compositionKindText, isIsoDate, todayInOslo } from '../explain';

// /tildeling — the allocation workbench (issue 6 item 4): choose a batch (households awaiting a
// dwelling × dwellings available by a date), run the matcher, review the proposals with their
// explanations, lock or exclude pairs and re-run, reserve the accepted proposals. The run shown is
// in the URL (?kjoring=<id>), so a reload or a link from "Tidligere kjøringer" shows it again.

const runParam = 'kjoring';

export function WorkbenchPage() {
  const { t } = useI18n();
  usePageTitle(t('allocation.title'));
  const canWrite = useCan()('write:allocation:any');
  const [params, setParams] = useSearchParams();
  const runId = params.get(runParam);
  // After a run, focus moves to the result heading (the result replaces what was there).
  const focusResultRef = useRef(false);
  const showRun = (run: RunDto) => {
    focusResultRef.current = true;
    setParams({ [runParam]: run.id });
  };

  return (
    <>
      <PageHeading lead={t('allocation.lead')}>{t('allocation.title')}</PageHeading>
      <nav aria-label={t('allocation.links.label')}>
        <ul className="link-list">
          <li>
            <RouterLink to="/tildeling/kriterier">{t('allocation.links.criteria')}</RouterLink>
          </li>
          <li>
            <RouterLink to="/tildeling/innstillinger">{t('allocation.links.settings')}</RouterLink>
          </li>
        </ul>
      </nav>
      {canWrite ? null : <Paragraph className="allocation-muted">{t('allocation.readOnly')}</Paragraph>}
      <BatchStep canWrite={canWrite} onRun={showRun} />
      {runId ? <RunView key={runId} runId={runId} canWrite={canWrite} onRun={showRun} focusResultRef={focusResultRef} /> : null}
      <RecentRunsSection currentId={runId} />
      <OpenOffersSection />
    </>
  );
}

type Household = BatchCandidatesResponse['households'][number];
type Dwelling = BatchCandidatesResponse['dwellings'][number];

const fieldIds = { availableBy: 'allocation-available-by', plannedMoveIn: 'allocation-planned-move-in', selection: 'allocation-run' } as const;

/** Step 1: the batch. Everything is selected by default; the user takes households or dwellings out. */
function BatchStep({ canWrite, onRun }: { canWrite: boolean; onRun: (run: RunDto) => void }) {
  const { t } = useI18n();
  const defaultDate = addDays(todayInOslo(), 30);
  const [availableBy, setAvailableBy] = useState(defaultDate);
  const [plannedMoveIn, setPlannedMoveIn] = useState(defaultDate);
  const [plannedTouched, setPlannedTouched] = useState(false);
  // The ids taken OUT of the batch, so households and dwellings that appear later are in by default.
  const [outHouseholds, setOutHouseholds] = useState<ReadonlySet<string>>(new Set());
  const [outDwellings, setOutDwellings] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<FormErrorItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  // While a date is being typed (not yet valid) the list for the last valid date stays.
  const candidates = useCandidates(isIsoDate(availableBy) ? availableBy : null);
  const run = useCreateRun();
  if (isNoAccess(candidates.error)) return <NoAccessPage />;

  const data = candidates.data;
  const households = data?.households.filter((h) => !outHouseholds.has(h.id)) ?? [];
  const dwellings = data?.dwellings.filter((d) => !outDwellings.has(d.id)) ?? [];

  const submit = () => {
    if (run.isPending || !data) return;
    setAttempt((n) => n + 1);
    const problems: FormErrorItem[] = [];
    if (!isIsoDate(availableBy)) problems.push({ fieldId: fieldIds.availableBy, message: t('allocation.batch.dateInvalid') });
    if (!isIsoDate(plannedMoveIn)) problems.push({ fieldId: fieldIds.plannedMoveIn, message: t('allocation.batch.dateInvalid') });
    if (households.length === 0 || dwellings.length === 0) {
      problems.push({ fieldId: fieldIds.selection, message: t('allocation.batch.selectionRequired') });
    }
    setErrors(problems);
    if (problems.length > 0) return;
    run.mutate(
      { householdIds: households.map((h) => h.id), dwellingIds: dwellings.map((d) => d.id), plannedMoveIn, locks: [] },
      { onSuccess: onRun },
    );
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <PageSection headingId="allocation-batch-heading" heading={t('allocation.batch.heading')}>
      <FormErrorSummary heading={t('allocation.batch.errorSummaryHeading')} attempt={attempt} items={errors} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        className="allocation-batch"
      >
        <div className="allocation-dates">
          <Textfield
            id={fieldIds.availableBy}
            type="date"
            label={t('allocation.batch.availableBy')}
            description={t('allocation.batch.availableByHelp')}
            value={availableBy}
            error={errorFor(fieldIds.availableBy)}
            onChange={(event) => {
              setAvailableBy(event.target.value);
              if (!plannedTouched) setPlannedMoveIn(event.target.value);
            }}
          />
          <Textfield
            id={fieldIds.plannedMoveIn}
            type="date"
            label={t('allocation.batch.plannedMoveIn')}
            description={t('allocation.batch.plannedMoveInHelp')}
            value={plannedMoveIn}
            error={errorFor(fieldIds.plannedMoveIn)}
            onChange={(event) => {
              setPlannedTouched(true);
              setPlannedMoveIn(event.target.value);
            }}
          />
        </div>
        <QueryContent error={candidates.error} data={data} headingLevel={3}>
          {(c) => (
            <>
              <Paragraph>{t('allocation.batch.criteriaVersion', { version: c.criteriaVersion })}</Paragraph>
              <HouseholdTable
                households={c.households}
                out={outHouseholds}
                onChange={setOutHouseholds}
                selectable={canWrite}
              />
              <DwellingTable dwellings={c.dwellings} out={outDwellings} onChange={setOutDwellings} selectable={canWrite} />
            </>
          )}
        </QueryContent>
        {canWrite ? (
          <>
            <SubmitFailure error={run.error} />
            <div>
              <Button type="submit" id={fieldIds.selection} loading={run.isPending} aria-disabled={run.isPending || undefined}>
                {run.isPending ? t('allocation.batch.running') : t('allocation.batch.run')}
              </Button>
            </div>
          </>
        ) : null}
      </form>
    </PageSection>
  );
}

/** Select all / clear all for one table. */
function SelectAllButtons({
  onAll,
  onNone,
  allLabel,
  noneLabel,
}: {
  onAll: () => void;
  onNone: () => void;
  allLabel: string;
  noneLabel: string;
}) {
  const { t } = useI18n();
  return (
    <div className="allocation-actions">
      <Button type="button" variant="tertiary" data-size="sm" aria-label={allLabel} onClick={onAll}>
        {t('allocation.batch.selectAll')}
      </Button>
      <Button type="button" variant="tertiary" data-size="sm" aria-label={noneLabel} onClick={onNone}>
        {t('allocation.batch.selectNone')}
      </Button>
    </div>
  );
}

function toggle(set: ReadonlySet<string>, id: string, out: boolean): Set<string> {
  const next = new Set(set);
  if (out) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * One batch table (households or dwellings) whose rows can be left out of the run. Rows start
 * selected; `out` holds the ids left out. Without write access the table is read-only.
 */
function SelectableTable<Row extends { id: string; reference: string }>({
  headingId,
  heading,
  emptyText,
  allLabel,
  noneLabel,
  columns,
  rows,
  renderCells,
  out,
  onChange,
  selectable,
}: {
  headingId: string;
  heading: string;
  emptyText: string;
  allLabel: string;
  noneLabel: string;
  columns: readonly TableColumn[];
  rows: readonly Row[];
  renderCells: (row: Row) => ReactNode;
  out: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  selectable: boolean;
}) {
  const { t } = useI18n();
  const selected = rows.filter((r) => !out.has(r.id)).length;
  return (
    <section aria-labelledby={headingId} className="allocation-subsection">
      <Heading level={3} id={headingId} data-size="xs">
        {heading}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{emptyText}</Paragraph>
      ) : (
        <>
          {selectable ? (
            <>
              <Paragraph aria-live="polite">{t('allocation.batch.selectedCount', { selected, total: rows.length })}</Paragraph>
              <SelectAllButtons
                allLabel={allLabel}
                noneLabel={noneLabel}
                onAll={() => onChange(new Set())}
                onNone={() => onChange(new Set(rows.map((r) => r.id)))}
              />
            </>
          ) : null}
          <ScrollTable labelledBy={headingId} data-size="sm">
            <TableHeader columns={[...(selectable ? [t('allocation.batch.columns.select')] : []), ...columns]} />
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.id}>
                  {selectable ? (
                    <Table.Cell>
                      <Checkbox
                        aria-label={t('allocation.batch.selectRow', { reference: r.reference })}
                        checked={!out.has(r.id)}
                        onChange={(event) => onChange(toggle(out, r.id, !event.target.checked))}
                      />
                    </Table.Cell>
                  ) : null}
                  {renderCells(r)}
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        </>
      )}
    </section>
  );
}

function HouseholdTable({
  households,
  out,
  onChange,
  selectable,
}: {
  households: readonly Household[];
  out: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  selectable: boolean;
}) {
  const { t, lang } = useI18n();
  const needs = (h: Household) => {
    if (h.accessibility === null && h.supportNeed === null) return t('allocation.hidden');
    const parts = [h.accessibility ? t(`allocation.batch.accessibility.${h.accessibility}`) : null, h.supportNeed ? t('allocation.batch.supportNeed') : null];
    return parts.filter(Boolean).join(', ');
  };
  return (
    <SelectableTable
      headingId="allocation-households-heading"
      heading={t('allocation.batch.householdsHeading')}
      emptyText={t('allocation.batch.noHouseholds')}
      allLabel={t('allocation.batch.selectAllHouseholds')}
      noneLabel={t('allocation.batch.selectNoHouseholds')}
      columns={[
        t('allocation.batch.columns.reference'),
        t('allocation.batch.columns.mainPerson'),
        t('allocation.batch.columns.composition'),
        { label: t('allocation.batch.columns.persons'), numeric: true },
        { label: t('allocation.batch.columns.bedroomsNeeded'), numeric: true },
        t('allocation.batch.columns.waiting'),
        t('allocation.batch.columns.needs'),
      ]}
      rows={households}
      renderCells={(h) => (
        <>
          <Table.Cell>
            <RouterLink to={`/husstander/${h.id}`}>{h.reference}</RouterLink>
          </Table.Cell>
          <Table.Cell>{h.mainPersonName ?? t('allocation.unknown')}</Table.Cell>
          <Table.Cell>{compositionKindText(lang, h.compositionKind)}</Table.Cell>
          <Table.Cell className="numeric">{h.persons}</Table.Cell>
          <Table.Cell className="numeric">{h.bedroomsNeeded}</Table.Cell>
          <Table.Cell>
            {[
              h.waitingDays === null ? null : translate(lang, 'allocation.batch.waitingDays', { days: h.waitingDays }),
              h.dueDate ? t('allocation.batch.dueDate', { date: formatDate(h.dueDate) }) : null,
            ]
              .filter(Boolean)
              .join(', ') || t('allocation.unknown')}
          </Table.Cell>
          <Table.Cell>{needs(h)}</Table.Cell>
        </>
      )}
      out={out}
      onChange={onChange}
      selectable={selectable}
    />
  );
}

function DwellingTable({
  dwellings,
  out,
  onChange,
  selectable,
}: {
  dwellings: readonly Dwelling[];
  out: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  selectable: boolean;
}) {
  const { t } = useI18n();
  return (
    <SelectableTable
      headingId="allocation-dwellings-heading"
      heading={t('allocation.batch.dwellingsHeading')}
      emptyText={t('allocation.batch.noDwellings')}
      allLabel={t('allocation.batch.selectAllDwellings')}
      noneLabel={t('allocation.batch.selectNoDwellings')}
      columns={[
        t('allocation.batch.columns.reference'),
        t('allocation.batch.columns.address'),
        t('allocation.batch.columns.building'),
        t('allocation.batch.columns.type'),
        { label: t('allocation.batch.columns.bedrooms'), numeric: true },
        { label: t('allocation.batch.columns.rent'), numeric: true },
        t('allocation.batch.columns.availableFrom'),
      ]}
      rows={dwellings}
      renderCells={(d) => (
        <>
          <Table.Cell>
            <RouterLink to={`/boliger/${d.id}`}>{d.reference}</RouterLink>
          </Table.Cell>
          <Table.Cell>{d.address}</Table.Cell>
          <Table.Cell>{d.buildingName ?? t('allocation.none')}</Table.Cell>
          <Table.Cell>{t(`dwellings.types.${d.type}`)}</Table.Cell>
          <Table.Cell className="numeric">{d.bedrooms}</Table.Cell>
          <Table.Cell className="numeric nowrap">{d.rentOre === null ? t('allocation.unknown') : formatMoneyOre(d.rentOre)}</Table.Cell>
          <Table.Cell>{d.availableFrom ? formatDate(d.availableFrom) : t('allocation.batch.availableNow')}</Table.Cell>
        </>
      )}
      out={out}
      onChange={onChange}
      selectable={selectable}
    />
  );
}
