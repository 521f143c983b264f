import { Button, Checkbox, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { MatchingLock, RunDto } from '../../../../shared/api/allocation';
import { formatMoneyOre } from '../../../../shared/i18n';
import { useI18n } from '../../../app/i18n';
import { contributionSum, contributionText, hardRuleText, runnersUpText, type References } from '../explain';

// The proposals side by side: one card per pair, household ↔ dwelling, the score, "Godta", "Lås"
// and "Utelukk", and the explanation (each criterion's points summing to the score, the hard
// rules passed, the dwelling's runners-up) behind a disclosure so the list stays scannable.

const pairKey = (householdId: string, dwellingId: string) => `${householdId}|${dwellingId}`;

export function ProposalList({
  run,
  refs,
  canWrite,
  locks,
  onLock,
  declined,
  onDecline,
}: {
  run: RunDto;
  refs: References;
  canWrite: boolean;
  locks: readonly MatchingLock[];
  onLock: (lock: MatchingLock) => void;
  declined: ReadonlySet<string>;
  onDecline: (next: ReadonlySet<string>) => void;
}) {
  const { t, lang } = useI18n();
  const households = new Map(run.households.map((h) => [h.id, h]));
  const dwellings = new Map(run.dwellings.map((d) => [d.id, d]));
  const outcomes = new Map(run.result.dwellings.map((d) => [d.dwellingId, d]));
  const lockOf = (householdId: string, dwellingId: string) =>
    locks.find((l) => l.householdId === householdId && l.dwellingId === dwellingId)?.kind ?? null;

  if (run.result.proposals.length === 0) return <Paragraph>{t('allocation.proposals.empty')}</Paragraph>;

  return (
    <ul className="allocation-proposals">
      {run.result.proposals.map((p) => {
        const key = pairKey(p.householdId, p.dwellingId);
        const names = { household: refs.household(p.householdId), dwelling: refs.dwelling(p.dwellingId) };
        const household = households.get(p.householdId);
        const dwelling = dwellings.get(p.dwellingId);
        const lock = lockOf(p.householdId, p.dwellingId);
        const headingId = `allocation-proposal-${key.replace('|', '-')}`;
        const runnersUp = outcomes.get(p.dwellingId)?.runnersUp.filter((r) => r.householdId !== p.householdId) ?? [];
        return (
          <li key={key} className="allocation-proposal">
            <article aria-labelledby={headingId}>
              <div className="allocation-proposal__head">
                <Heading level={3} data-size="2xs" id={headingId}>
                  {t('allocation.proposals.pair', names)}
                </Heading>
                <span className="allocation-proposal__score">{t('allocation.proposals.score', { score: p.score })}</span>
                {p.locked ? <Tag data-color="info">{t('allocation.proposals.locked')}</Tag> : null}
              </div>
              <div className="allocation-proposal__pair">
                <div>
                  <Paragraph data-size="sm" className="allocation-muted">
                    {t('allocation.proposals.household')}
                  </Paragraph>
                  <Paragraph data-size="sm">
                    <strong>{names.household}</strong>
                    {household?.mainPersonName ? ` · ${household.mainPersonName}` : ''}
                  </Paragraph>
                  {household ? (
                    <Paragraph data-size="sm">
                      {t('allocation.proposals.persons', { persons: household.persons, bedrooms: household.bedroomsNeeded })}
                    </Paragraph>
                  ) : null}
                </div>
                <span aria-hidden="true" className="allocation-proposal__arrow">
                  ↔
                </span>
                <div>
                  <Paragraph data-size="sm" className="allocation-muted">
                    {t('allocation.proposals.dwelling')}
                  </Paragraph>
                  <Paragraph data-size="sm">
                    <strong>{names.dwelling}</strong>
                    {dwelling?.buildingName ? ` · ${dwelling.buildingName}` : ''}
                  </Paragraph>
                  {dwelling ? (
                    <Paragraph data-size="sm">
                      {t('allocation.proposals.dwellingFacts', { address: dwelling.address, bedrooms: dwelling.bedrooms })}
                      {dwelling.rentOre === null ? '' : ` · ${formatMoneyOre(dwelling.rentOre)}`}
                    </Paragraph>
                  ) : null}
                </div>
              </div>
              {canWrite ? (
                <div className="allocation-actions">
                  <Checkbox
                    label={<VisibleStart text={t('allocation.proposals.accept')} full={t('allocation.proposals.acceptLabel', names)} />}
                    checked={!declined.has(key)}
                    onChange={(event) => {
                      const next = new Set(declined);
                      if (event.target.checked) next.delete(key);
                      else next.add(key);
                      onDecline(next);
                    }}
                  />
                  <Button
                    type="button"
                    variant={lock === 'force' ? 'primary' : 'secondary'}
                    data-size="sm"
                    aria-pressed={lock === 'force'}
                    onClick={() => onLock({ householdId: p.householdId, dwellingId: p.dwellingId, kind: 'force' })}
                  >
                    <VisibleStart text={t('allocation.proposals.lock')} full={t('allocation.proposals.lockLabel', names)} />
                  </Button>
                  <Button
                    type="button"
                    variant={lock === 'forbid' ? 'primary' : 'secondary'}
                    data-size="sm"
                    aria-pressed={lock === 'forbid'}
                    onClick={() => onLock({ householdId: p.householdId, dwellingId: p.dwellingId, kind: 'forbid' })}
                  >
                    <VisibleStart text={t('allocation.proposals.exclude')} full={t('allocation.proposals.excludeLabel', names)} />
                  </Button>
                </div>
              ) : null}
              <Details>
                <Details.Summary>
                  {t('allocation.proposals.explanation')} ({t('allocation.points', { points: p.score })})
                </Details.Summary>
                <Details.Content>
                  <Heading level={4} data-size="2xs">
                    {t('allocation.proposals.criteriaHeading')}
                  </Heading>
                  <ul className="allocation-plain-list">
                    {p.contributions.map((c) => (
                      <li key={c.criterion}>{contributionText(lang, c)}</li>
                    ))}
                  </ul>
                  <Paragraph data-size="sm">
                    <strong>{t('allocation.proposals.sum', { points: contributionSum(p.contributions) })}</strong>
                  </Paragraph>
                  <Heading level={4} data-size="2xs">
                    {t('allocation.proposals.rulesHeading')}
                  </Heading>
                  <ul className="allocation-plain-list">
                    {p.hardRules.map((r) => (
                      <li key={r.rule}>
                        {hardRuleText(lang, r)} <span aria-hidden="true">{r.passed ? '✓' : '✗'}</span>
                        <span className="allocation-sr-only">
                          {' '}
                          ({r.passed ? t('allocation.rules.passed') : t('allocation.rules.failed')})
                        </span>
                      </li>
                    ))}
                  </ul>
                  <Paragraph data-size="sm">{runnersUpText(lang, runnersUp, refs)}</Paragraph>
                </Details.Content>
              </Details>
            </article>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A button whose visible text ("Lås") is the start of its full name ("Lås H-2026-003 til B-104"):
 * the rest is visually hidden but read out, so the name is unique per proposal and contains the
 * visible text (WCAG 2.5.3).
 */
export function VisibleStart({ text, full }: { text: string; full: string }) {
  const rest = full.startsWith(text) ? full.slice(text.length) : ` ${full}`;
  return (
    <>
      {text}
      <span className="allocation-sr-only">{rest}</span>
    </>
  );
}
