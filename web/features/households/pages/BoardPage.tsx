import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { boardQuery, type BoardResponse, type QuartersResponse } from '../../../../shared/api/households';
import { osloToday } from '../../../../shared/domain/calendar-date';
import { WAITING_STATES } from '../../../../shared/domain/pipeline';
import { formatNumber } from '../../../../shared/i18n';
import { isNoAccess, NoAccessPage, QueryContent, SubmitFailure } from '../../../app/errors';
import { refugeeCategories } from '../../../../shared/api/persons';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable } from '../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { useDaysLeftText } from '../components/Clock';
import { useBoard, useQuarters, useSetTarget, useUnits } from '../households.api';

/** The board page's URL → the API's query string (only what the contract accepts). */
function boardSearch(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const key of ['category', 'unitId'] as const) {
    const value = params.get(key);
    if (value && boardQuery.safeParse({ [key]: value }).success) out.set(key, value);
  }
  return out.toString();
}

/**
 * `/bosetting`: the pipeline board (one column per state, each a region with its heading and
 * count; cards are links, so the keyboard reaches every household — stages are changed on the
 * household page) and the quarterly counts against the quarter's target.
 */
export function BoardPage() {
  const { t } = useI18n();
  usePageTitle(t('households.board.title'));
  const [params, setParams] = useSearchParams();
  const board = useBoard(boardSearch(params));
  if (isNoAccess(board.error)) return <NoAccessPage />;
  return (
    <>
      <PageHeading lead={t('households.board.intro')}>{t('households.board.title')}</PageHeading>
      <Paragraph>
        <RouterLink to="/husstander">{t('households.board.listLink')}</RouterLink>
      </Paragraph>
      <BoardFilters
        key={params.toString()}
        category={params.get('category') ?? ''}
        unitId={params.get('unitId') ?? ''}
        onApply={(next) => {
          const out = new URLSearchParams(params);
          for (const [key, value] of Object.entries(next)) {
            if (value) out.set(key, value);
            else out.delete(key);
          }
          setParams(out);
        }}
      />
      <PageSection headingId="board-heading" heading={t('households.board.heading')}>
        <Paragraph>{t('households.board.finalNote')}</Paragraph>
        <QueryContent error={board.error} data={board.data} headingLevel={3}>
          {(data) => <Board board={data} />}
        </QueryContent>
      </PageSection>
      <Quarters />
    </>
  );
}

function BoardFilters({
  category,
  unitId,
  onApply,
}: {
  category: string;
  unitId: string;
  onApply: (filters: { category: string; unitId: string }) => void;
}) {
  const { t } = useI18n();
  const units = useUnits();
  const [filters, setFilters] = useState({ category, unitId });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <section aria-labelledby="board-filter-heading" className="section">
      <Heading level={2} data-size="xs" id="board-filter-heading">
        {t('households.board.filtersHeading')}
      </Heading>
      <form aria-labelledby="board-filter-heading" onSubmit={submit} className="filter-form">
        <SelectField
          id="board-filter-category"
          label={t('households.board.category')}
          value={filters.category}
          onChange={(e) => setFilters((f) => ({ ...f, category: e.target.value }))}
        >
          <option value="">{t('households.board.anyCategory')}</option>
          <CodeOptions codes={refugeeCategories} label={(c) => t(`households.categories.${c}`)} />
        </SelectField>
        <SelectField
          id="board-filter-unit"
          label={t('households.board.unit')}
          value={filters.unitId}
          onChange={(e) => setFilters((f) => ({ ...f, unitId: e.target.value }))}
        >
          <option value="">{t('households.board.anyUnit')}</option>
          {(units.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <div className="filter-form__actions">
          <Button type="submit">{t('households.board.apply')}</Button>{' '}
          <Button type="button" variant="secondary" onClick={() => onApply({ category: '', unitId: '' })}>
            {t('households.board.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Board({ board }: { board: BoardResponse }) {
  const { t } = useI18n();
  const daysLeft = useDaysLeftText();
  return (
    <div className="households-board">
      {board.columns.map((column) => {
        const headingId = `board-column-${column.state}`;
        const waiting = WAITING_STATES.includes(column.state);
        return (
          <section key={column.state} aria-labelledby={headingId} className="households-board__column">
            <Heading level={3} data-size="2xs" id={headingId}>
              {t(`households.states.${column.state}`)}{' '}
              <span className="households-muted">({formatNumber(column.total)})</span>
            </Heading>
            {column.items.length === 0 ? (
              <Paragraph data-size="sm">{t('households.board.columnEmpty')}</Paragraph>
            ) : (
              <ul className="households-board__cards">
                {column.items.map((h) => {
                  const left = waiting ? daysLeft(h.clock) : '';
                  return (
                    <li key={h.id} className="households-board__card">
                      <RouterLink to={`/husstander/${h.id}`}>
                        <span className="households-board__reference">{h.reference}</span>
                        {h.mainPersonName ? (
                          <>
                            {' '}
                            <span dir="auto">{h.mainPersonName}</span>
                          </>
                        ) : null}
                      </RouterLink>
                      <Paragraph data-size="sm">
                        {t(`households.categories.${h.category}`)} ·{' '}
                        {t('households.compositionSummary', {
                          kind: t(`households.compositionKinds.${h.composition.kind}`),
                          size: h.composition.size,
                        })}
                      </Paragraph>
                      {waiting ? (
                        <Paragraph data-size="sm">
                          {h.clock.overdue ? (
                            <Tag data-color="danger">{left}</Tag>
                          ) : (
                            left || t('households.board.noClock')
                          )}
                        </Paragraph>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {column.total > column.items.length ? (
              <Paragraph data-size="sm">
                <Link to={`/husstander?state=${column.state}`}>
                  {t('households.board.more', { count: column.total - column.items.length })}
                </Link>
              </Paragraph>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function Quarters() {
  const { t } = useI18n();
  const thisYear = Number(osloToday(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const quarters = useQuarters(year);
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];
  return (
    <PageSection headingId="quarters-heading" heading={t('households.quarters.heading')}>
      <Paragraph>{t('households.quarters.help')}</Paragraph>
      <div className="form-stack narrow">
        <SelectField
          id="quarters-year"
          label={t('households.quarters.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryContent error={quarters.error} data={quarters.data} headingLevel={3}>
        {(data) => (
          <>
            <QuarterTable data={data} />
            {data.actions.setTarget ? <TargetForm key={data.year} year={data.year} /> : null}
          </>
        )}
      </QueryContent>
    </PageSection>
  );
}

function QuarterTable({ data }: { data: QuartersResponse }) {
  const { t } = useI18n();
  const sum = (pick: (q: QuartersResponse['quarters'][number]) => number) =>
    data.quarters.reduce((total, q) => total + pick(q), 0);
  const targets = data.quarters.filter((q) => q.target !== null);
  const totalTarget = targets.length === 0 ? null : targets.reduce((total, q) => total + (q.target ?? 0), 0);
  const difference = (settled: number, target: number | null) =>
    target === null ? '' : `${settled - target > 0 ? '+' : ''}${formatNumber(settled - target)}`;
  const row = (
    label: string,
    q: { settled: number; settledPersons: number; settledWithinDeadline: number; target: number | null },
    key: string,
  ) => (
    <Table.Row key={key}>
      <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
      <Table.Cell className="numeric">{formatNumber(q.settled)}</Table.Cell>
      <Table.Cell className="numeric">{formatNumber(q.settledPersons)}</Table.Cell>
      <Table.Cell className="numeric">{formatNumber(q.settledWithinDeadline)}</Table.Cell>
      <Table.Cell className="numeric">
        {q.target === null ? t('households.quarters.noTarget') : formatNumber(q.target)}
      </Table.Cell>
      <Table.Cell className="numeric">{difference(q.settledPersons, q.target)}</Table.Cell>
    </Table.Row>
  );
  return (
    <ScrollTable labelledBy="quarters-heading">
      <caption className="households-caption">{String(data.year)}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('households.quarters.quarter')}</Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('households.quarters.settled')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('households.quarters.settledPersons')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('households.quarters.withinDeadline')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('households.quarters.target')}
          </Table.HeaderCell>
          <Table.HeaderCell scope="col" className="numeric">
            {t('households.quarters.difference')}
          </Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {data.quarters.map((q) =>
          row(t('households.quarters.quarterName', { quarter: String(q.quarter) }), q, String(q.quarter)),
        )}
        {row(
          t('households.quarters.total'),
          {
            settled: sum((q) => q.settled),
            settledPersons: sum((q) => q.settledPersons),
            settledWithinDeadline: sum((q) => q.settledWithinDeadline),
            target: totalTarget,
          },
          'total',
        )}
      </Table.Body>
    </ScrollTable>
  );
}

function TargetForm({ year }: { year: number }) {
  const { t } = useI18n();
  const setTarget = useSetTarget();
  const [quarter, setQuarter] = useState('1');
  const [target, setTargetValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<{ quarter: string; year: number } | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setTarget.isPending) return;
    setAttempt((n) => n + 1);
    setSaved(null);
    const trimmed = target.trim();
    if (!/^\d{1,6}$/.test(trimmed)) {
      setProblem(t('households.form.numberInvalid'));
      return;
    }
    setProblem(null);
    setTarget.mutate(
      { year, quarter: Number(quarter), target: Number(trimmed) },
      {
        onSuccess: () => {
          setSaved({ quarter, year });
          setTargetValue('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="target-heading" className="section">
      <Heading level={3} data-size="xs" id="target-heading">
        {t('households.quarters.setHeading')}
      </Heading>
      {saved ? (
        <SuccessNotice>
          {t('households.quarters.saved', { quarter: saved.quarter, year: String(saved.year) })}
        </SuccessNotice>
      ) : null}
      <SubmitFailure error={setTarget.error} />
      <FormErrorSummary
        attempt={attempt}
        items={problem ? [{ fieldId: 'target-value', message: problem }] : []}
        heading={t('households.form.errorSummaryHeading')}
        headingLevel={4}
      />
      <form noValidate onSubmit={submit} className="form-stack narrow">
        <SelectField
          id="target-quarter"
          label={t('households.quarters.setQuarter')}
          value={quarter}
          onChange={(e) => setQuarter(e.target.value)}
        >
          {['1', '2', '3', '4'].map((q) => (
            <option key={q} value={q}>
              {t('households.quarters.quarterName', { quarter: q })} {year}
            </option>
          ))}
        </SelectField>
        <Textfield
          id="target-value"
          label={t('households.quarters.setTarget')}
          inputMode="numeric"
          value={target}
          error={problem ?? undefined}
          onChange={(e) => setTargetValue(e.target.value)}
        />
        <SubmitButton
          pending={setTarget.isPending}
          label={t('households.quarters.submit')}
          pendingLabel={t('households.quarters.submitting')}
        />
      </form>
    </section>
  );
}
