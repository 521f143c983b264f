import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { MatchingLock, OfferDto, RunDto } from '../../../../shared/api/allocation';
import { formatDate, formatDateTime, formatNumber } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, QueryContent, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { FactList } from '../../../components/FactList';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader, type TableColumn } from '../../../components/ScrollTable';
import { runInstancePath, useCreateRun, useReserve, useRun } from '../allocation.api';
import {
  ageBandsText,
  beforeAfter,
  emptyDwellingText,
  languagesText,
  qualityText,
  runnersUpText,
  unassignedReasonTexts,
  type References,
} from '../explain';
import { ProposalList, VisibleStart } from './ProposalList';

// Step 2 of the workbench: one run's result — the summary with the proof of quality, the
// proposals side by side with their explanations (accept / lock / exclude), the locks and
// "Kjør på nytt", the households without a proposal and why, the dwellings left empty and why,
// each building's composition before → after, and "Reserver godtatte".

const resultHeadingId = 'allocation-result-heading';

export function RunView({
  runId,
  canWrite,
  onRun,
  focusResultRef,
}: {
  runId: string;
  canWrite: boolean;
  onRun: (run: RunDto) => void;
  focusResultRef: RefObject<boolean>;
}) {
  const run = useRun(runId);
  const loaded = run.data !== undefined;
  // After "Kjør tildeling" / "Kjør på nytt" the result heading takes focus, so keyboard and
  // screen-reader users land on what changed.
  useEffect(() => {
    if (!loaded || !focusResultRef.current) return;
    focusResultRef.current = false;
    document.getElementById(resultHeadingId)?.focus();
  }, [loaded, focusResultRef]);
  if (isNoAccess(run.error)) return <NoAccessPage />;
  return (
    <QueryContent error={run.error} data={run.data}>
      {(data) => <RunResult run={data} canWrite={canWrite} onRun={onRun} />}
    </QueryContent>
  );
}

function useReferences(run: RunDto): References {
  return useMemo(() => {
    const households = new Map(run.households.map((h) => [h.id, h.reference]));
    const dwellings = new Map(run.dwellings.map((d) => [d.id, d.reference]));
    return { household: (id) => households.get(id) ?? id, dwelling: (id) => dwellings.get(id) ?? id };
  }, [run]);
}

const pairKey = (householdId: string, dwellingId: string) => `${householdId}|${dwellingId}`;

function RunResult({ run, canWrite, onRun }: { run: RunDto; canWrite: boolean; onRun: (run: RunDto) => void }) {
  const { t, lang, errorText } = useI18n();
  const refs = useReferences(run);
  const result = run.result;
  const [locks, setLocks] = useState<MatchingLock[]>(run.locks);
  // Proposals are accepted by default; the user unticks "Godta" on those not to reserve.
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const [reserved, setReserved] = useState<OfferDto[] | null>(null);
  const rerun = useCreateRun();
  const reserve = useReserve(run.id);
  const client = useQueryClient();

  const locksChanged = JSON.stringify(locks) !== JSON.stringify(run.locks);
  const accepted = result.proposals.filter((p) => !declined.has(pairKey(p.householdId, p.dwellingId)));

  const setLock = (lock: MatchingLock) =>
    setLocks((current) => {
      const same = current.find((l) => l.householdId === lock.householdId && l.dwellingId === lock.dwellingId);
      // Pressing the same button again takes the lock away.
      if (same?.kind === lock.kind) return current.filter((l) => l !== same);
      const others = current.filter(
        (l) =>
          !(l.householdId === lock.householdId && l.dwellingId === lock.dwellingId) &&
          // A household gets at most one dwelling, and a dwelling one household: a new "force"
          // replaces the earlier ones for either.
          !(lock.kind === 'force' && l.kind === 'force' && (l.householdId === lock.householdId || l.dwellingId === lock.dwellingId)),
      );
      return [...others, lock];
    });

  const doRerun = () => {
    if (rerun.isPending) return;
    const householdIds = [...new Set([...result.proposals.map((p) => p.householdId), ...result.unassigned.map((u) => u.householdId)])];
    const dwellingIds = result.dwellings.map((d) => d.dwellingId);
    rerun.mutate({ householdIds, dwellingIds, plannedMoveIn: run.plannedMoveIn, locks, previousRunId: run.id }, { onSuccess: onRun });
  };

  const doReserve = () => {
    if (reserve.isPending || accepted.length === 0) return;
    reserve.mutate(
      { pairs: accepted.map((p) => ({ householdId: p.householdId, dwellingId: p.dwellingId })) },
      { onSuccess: (response) => setReserved(response.items) },
    );
  };

  const reservedConflict = isApiError(reserve.error) && reserve.error.code === 'allocation.dwelling_reserved';

  return (
    <>
      <section aria-labelledby={resultHeadingId} className="section">
        <Heading level={2} data-size="sm" id={resultHeadingId} tabIndex={-1}>
          {t('allocation.result.heading')}
        </Heading>
        <Paragraph role="status">
          {t('allocation.result.announce', { proposals: result.proposals.length, unassigned: result.unassigned.length })}
        </Paragraph>
        {run.previousRunId ? <Paragraph>{t('allocation.result.rerunOf')}</Paragraph> : null}
        <FactList
          facts={[
            { term: t('allocation.result.createdAt'), value: formatDateTime(run.createdAt) },
            { term: t('allocation.result.plannedMoveIn'), value: formatDate(run.plannedMoveIn) },
            { term: t('allocation.result.proposals'), value: formatNumber(result.proposals.length) },
            { term: t('allocation.result.unassigned'), value: formatNumber(result.unassigned.length) },
            { term: t('allocation.result.quality'), value: qualityText(lang, result.quality) },
            {
              term: t('allocation.result.objective'),
              value: t('allocation.result.objectiveAndBound', {
                objective: Math.round(result.quality.objective),
                bound: Math.round(result.quality.bound),
              }),
            },
            { term: t('allocation.result.eligiblePairs'), value: formatNumber(result.quality.eligiblePairs) },
            { term: t('allocation.result.time'), value: t('allocation.result.millis', { ms: Math.round(result.quality.millis) }) },
            { term: t('allocation.result.criteriaVersion'), value: String(run.criteriaVersion) },
          ]}
        />
        <Paragraph>
          <Link href={runInstancePath(run.id)} download>
            {t('allocation.result.download')}
          </Link>
        </Paragraph>
      </section>

      <PageSection headingId="allocation-proposals-heading" heading={t('allocation.proposals.heading')}>
        <ProposalList run={run} refs={refs} canWrite={canWrite} locks={locks} onLock={setLock} declined={declined} onDecline={setDeclined} />
        {canWrite && result.proposals.length > 0 ? (
          <div className="allocation-reserve">
            <Paragraph aria-live="polite">{t('allocation.reserve.accepted', { count: accepted.length, total: result.proposals.length })}</Paragraph>
            {reserved ? (
              <ReservedNotice offers={reserved} />
            ) : (
              <>
                {reservedConflict ? (
                  <Alert data-color="danger" role="alert" className="notice">
                    <Paragraph>{errorText('allocation.dwelling_reserved')}</Paragraph>
                    <Paragraph>{t('allocation.reserve.conflict')}</Paragraph>
                    <div>
                      <Button
                        type="button"
                        variant="secondary"
                        onClick={() => {
                          reserve.reset();
                          void client.invalidateQueries({ queryKey: ['allocation'] });
                          document.getElementById('allocation-batch-heading')?.focus();
                        }}
                      >
                        {t('allocation.reserve.refresh')}
                      </Button>
                    </div>
                  </Alert>
                ) : (
                  <SubmitFailure error={reserve.error} />
                )}
                {accepted.length === 0 ? <Paragraph>{t('allocation.reserve.noneAccepted')}</Paragraph> : null}
                <div>
                  <Button type="button" loading={reserve.isPending} aria-disabled={accepted.length === 0 || undefined} onClick={doReserve}>
                    {reserve.isPending ? t('allocation.reserve.pending') : t('allocation.reserve.button')}
                  </Button>
                </div>
              </>
            )}
          </div>
        ) : null}
      </PageSection>

      <PageSection headingId="allocation-locks-heading" heading={t('allocation.locks.heading')}>
        <Paragraph>{t('allocation.locks.help')}</Paragraph>
        {locks.length === 0 ? (
          <Paragraph>{t('allocation.locks.empty')}</Paragraph>
        ) : (
          <ul className="allocation-locks">
            {locks.map((lock) => {
              const names = { household: refs.household(lock.householdId), dwelling: refs.dwelling(lock.dwellingId) };
              return (
                <li key={`${lock.kind}|${pairKey(lock.householdId, lock.dwellingId)}`}>
                  <span>{t(lock.kind === 'force' ? 'allocation.locks.force' : 'allocation.locks.forbid', names)}</span>
                  {canWrite ? (
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => setLocks((current) => current.filter((l) => l !== lock))}
                    >
                      <VisibleStart text={t('allocation.locks.remove')} full={t('allocation.locks.removeLabel', names)} />
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {canWrite ? (
          <>
            {locksChanged ? <Paragraph aria-live="polite">{t('allocation.locks.changed')}</Paragraph> : null}
            <SubmitFailure error={rerun.error} />
            <div>
              <Button type="button" variant="secondary" loading={rerun.isPending} onClick={doRerun}>
                {rerun.isPending ? t('allocation.locks.rerunning') : t('allocation.locks.rerun')}
              </Button>
            </div>
          </>
        ) : null}
      </PageSection>

      <ReasonsTable
        headingId="allocation-unassigned-heading"
        heading={t('allocation.unassigned.heading')}
        emptyText={t('allocation.unassigned.empty')}
        columns={[t('allocation.unassigned.household'), t('allocation.unassigned.reason')]}
        rows={result.unassigned.map((u) => ({
          id: u.householdId,
          to: `/husstander/${u.householdId}`,
          reference: refs.household(u.householdId),
          reasons: unassignedReasonTexts(lang, u.reason, refs),
        }))}
      />

      <EmptyDwellings run={run} refs={refs} />
      <CompositionSection run={run} />
    </>
  );
}

function ReservedNotice({ offers }: { offers: readonly OfferDto[] }) {
  const { t } = useI18n();
  return (
    <Alert data-color="success" role="status" className="notice">
      <Paragraph>{t('allocation.reserve.done', { count: offers.length })}</Paragraph>
      <ul className="link-list">
        {offers.map((offer) => (
          <li key={offer.id}>
            <RouterLink to={`/tildeling/tilbud/${offer.id}`}>
              {t('allocation.reserve.offerLink', { household: offer.householdReference, dwelling: offer.dwellingReference })}
            </RouterLink>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function EmptyDwellings({ run, refs }: { run: RunDto; refs: References }) {
  const { t, lang } = useI18n();
  const empty = run.result.dwellings.filter((d) => d.householdId === null);
  return (
    <ReasonsTable
      headingId="allocation-empty-heading"
      heading={t('allocation.empty.heading')}
      emptyText={t('allocation.empty.none')}
      columns={[t('allocation.empty.dwelling'), t('allocation.empty.reason')]}
      rows={empty.map((d) => ({
        id: d.dwellingId,
        to: `/boliger/${d.dwellingId}`,
        reference: refs.dwelling(d.dwellingId),
        reasons: [emptyDwellingText(lang, d.emptyReason), ...(d.runnersUp.length > 0 ? [runnersUpText(lang, d.runnersUp, refs)] : [])],
      }))}
    />
  );
}

/** A section listing households or dwellings the run left out, each linked, with why (one line per reason). */
function ReasonsTable({
  headingId,
  heading,
  emptyText,
  columns,
  rows,
}: {
  headingId: string;
  heading: string;
  emptyText: string;
  columns: readonly TableColumn[];
  rows: readonly { id: string; to: string; reference: string; reasons: readonly string[] }[];
}) {
  return (
    <PageSection headingId={headingId} heading={heading}>
      {rows.length === 0 ? (
        <Paragraph>{emptyText}</Paragraph>
      ) : (
        <ScrollTable labelledBy={headingId} data-size="sm">
          <TableHeader columns={columns} />
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell>
                  <RouterLink to={row.to}>{row.reference}</RouterLink>
                </Table.Cell>
                <Table.Cell>
                  <ul className="allocation-plain-list">
                    {row.reasons.map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      )}
    </PageSection>
  );
}

function CompositionSection({ run }: { run: RunDto }) {
  const { t, lang } = useI18n();
  const buildings = run.result.buildings;
  return (
    <PageSection headingId="allocation-composition-heading" heading={t('allocation.composition.heading')}>
      <Paragraph>{t('allocation.composition.help')}</Paragraph>
      {buildings.length === 0 ? (
        <Paragraph>{t('allocation.composition.empty')}</Paragraph>
      ) : (
        <ScrollTable labelledBy="allocation-composition-heading" data-size="sm">
          <TableHeader
            columns={[
              t('allocation.composition.building'),
              { label: t('allocation.composition.households'), numeric: true },
              { label: t('allocation.composition.support'), numeric: true },
              t('allocation.composition.ageBands'),
              t('allocation.composition.languages'),
            ]}
          />
          <Table.Body>
            {buildings.map((b) => (
              <Table.Row key={b.buildingId}>
                <Table.Cell>{b.name}</Table.Cell>
                <Table.Cell className="numeric nowrap">{beforeAfter(lang, b.before.households, b.after.households)}</Table.Cell>
                <Table.Cell className="numeric nowrap">{beforeAfter(lang, b.before.support, b.after.support)}</Table.Cell>
                <Table.Cell>{beforeAfter(lang, ageBandsText(lang, b.before), ageBandsText(lang, b.after))}</Table.Cell>
                <Table.Cell>{beforeAfter(lang, languagesText(lang, b.before.languages), languagesText(lang, b.after.languages))}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      )}
    </PageSection>
  );
}
