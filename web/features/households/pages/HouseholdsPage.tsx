import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { pipelineStates, type HouseholdSummaryDto } from '../../../../shared/api/households';
import { formatDate, formatNumber } from '../../../../shared/i18n';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../app/errors';
import { refugeeCategories } from '../../../../shared/api/persons';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { PaginationNav } from '../../../components/PaginationNav';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable } from '../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { DueDate, StateTag } from '../components/Clock';
import { ariaSort, listApiSearch, listSort, nextSort, type ListSort } from '../household-form';
import { useHouseholdList } from '../households.api';

type Filters = { search: string; state: string; category: string; overdue: string };

function filtersFrom(params: URLSearchParams): Filters {
  return {
    search: params.get('search') ?? '',
    state: params.get('state') ?? '',
    category: params.get('category') ?? '',
    overdue: params.get('overdue') ?? '',
  };
}

/** `/husstander`: search, filters, sort and page live in the URL. */
export function HouseholdsPage() {
  const { t } = useI18n();
  usePageTitle(t('households.title'));
  const [params, setParams] = useSearchParams();
  const list = useHouseholdList(listApiSearch(params));
  const sort = listSort(params);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  if (isNoAccess(list.error)) return <NoAccessPage />;
  const actions = list.data?.actions;

  const setSort = (column: 'urgency' | 'reference' | 'proposedOn' | 'state') => {
    const next = new URLSearchParams(params);
    const value = nextSort(sort, column);
    if (value === 'urgency') next.delete('sort');
    else next.set('sort', value);
    next.delete('page');
    setParams(next);
  };
  const setPage = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };
  const applyFilters = (filters: Filters) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value.trim()) next.set(key, value.trim());
    const currentSort = params.get('sort');
    if (currentSort) next.set('sort', currentSort);
    setParams(next);
  };

  return (
    <>
      <PageHeading lead={t('households.list.intro')}>{t('households.title')}</PageHeading>
      <div className="households-actions">
        {actions?.create ? (
          <Button asChild>
            <Link to="/husstander/ny">{t('households.list.newHousehold')}</Link>
          </Button>
        ) : null}
        {actions?.import ? (
          <Button asChild variant="secondary">
            <Link to="/husstander/import">{t('households.list.import')}</Link>
          </Button>
        ) : null}
        <RouterLink to="/bosetting">{t('households.list.boardLink')}</RouterLink>
      </div>
      <FilterForm key={params.toString()} initial={filtersFrom(params)} onApply={applyFilters} />
      <PageSection headingId="households-list-heading" heading={t('households.list.heading')}>
        <QueryContent error={list.error} data={list.data} headingLevel={3}>
          {(data) => (
            <>
              <Paragraph role="status">{t('households.list.count', { count: data.total })}</Paragraph>
              {data.items.length === 0 ? (
                <Paragraph>{t('households.list.empty')}</Paragraph>
              ) : (
                <HouseholdTable items={data.items} sort={sort} onSort={setSort} />
              )}
              <PaginationNav
                label={t('households.list.pagination.label')}
                page={page}
                totalPages={Math.max(1, Math.ceil(data.total / data.pageSize))}
                onPage={setPage}
                previousLabel={t('households.list.pagination.previous')}
                nextLabel={t('households.list.pagination.next')}
                pageLabel={(n) => t('households.list.pagination.page', { page: n })}
              />
            </>
          )}
        </QueryContent>
      </PageSection>
    </>
  );
}

function FilterForm({ initial, onApply }: { initial: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>(initial);
  const set = (key: keyof Filters, value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <section aria-labelledby="households-filter-heading" className="section">
      <Heading level={2} data-size="xs" id="households-filter-heading">
        {t('households.list.filtersHeading')}
      </Heading>
      <form role="search" aria-labelledby="households-filter-heading" onSubmit={submit} className="filter-form">
        <div className="filter-form__wide">
          <Textfield
            id="households-search"
            label={t('households.list.search')}
            description={t('households.list.searchHelp')}
            value={filters.search}
            dir="auto"
            autoComplete="off"
            onChange={(e) => set('search', e.target.value)}
          />
        </div>
        <SelectField
          id="households-filter-state"
          label={t('households.list.state')}
          value={filters.state}
          onChange={(e) => set('state', e.target.value)}
        >
          <option value="">{t('households.list.any')}</option>
          <CodeOptions codes={pipelineStates} label={(s) => t(`households.states.${s}`)} />
        </SelectField>
        <SelectField
          id="households-filter-category"
          label={t('households.list.category')}
          value={filters.category}
          onChange={(e) => set('category', e.target.value)}
        >
          <option value="">{t('households.list.any')}</option>
          <CodeOptions codes={refugeeCategories} label={(c) => t(`households.categories.${c}`)} />
        </SelectField>
        <SelectField
          id="households-filter-overdue"
          label={t('households.list.deadline')}
          value={filters.overdue}
          onChange={(e) => set('overdue', e.target.value)}
        >
          <option value="">{t('households.list.any')}</option>
          <option value="true">{t('households.list.overdueOnly')}</option>
          <option value="false">{t('households.list.notOverdue')}</option>
        </SelectField>
        <div className="filter-form__actions">
          <Button type="submit">{t('households.list.apply')}</Button>{' '}
          <Button
            type="button"
            variant="secondary"
            onClick={() => onApply({ search: '', state: '', category: '', overdue: '' })}
          >
            {t('households.list.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}

type Column = {
  label:
    | 'reference'
    | 'mainPerson'
    | 'composition'
    | 'category'
    | 'state'
    | 'proposedOn'
    | 'daysWaiting'
    | 'dueDate'
    | 'unit';
  sort?: 'urgency' | 'reference' | 'proposedOn' | 'state';
  numeric?: boolean;
};
const columns: readonly Column[] = [
  { label: 'reference', sort: 'reference' },
  { label: 'mainPerson' },
  { label: 'composition' },
  { label: 'category' },
  { label: 'state', sort: 'state' },
  { label: 'proposedOn', sort: 'proposedOn' },
  { label: 'daysWaiting', numeric: true },
  { label: 'dueDate', sort: 'urgency' },
  { label: 'unit' },
];

function HouseholdTable({
  items,
  sort,
  onSort,
}: {
  items: readonly HouseholdSummaryDto[];
  sort: ListSort;
  onSort: (column: 'urgency' | 'reference' | 'proposedOn' | 'state') => void;
}) {
  const { t } = useI18n();
  return (
    <ScrollTable labelledBy="households-list-heading">
      <Table.Head>
        <Table.Row>
          {columns.map((column) => {
            const label = t(`households.list.table.${column.label}`);
            const state = column.sort ? ariaSort(sort, column.sort) : undefined;
            return (
              <Table.HeaderCell
                key={column.label}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
                aria-sort={state}
              >
                {column.sort ? (
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => onSort(column.sort!)}>
                    {label}
                    <span aria-hidden="true">{state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ''}</span>
                  </Button>
                ) : (
                  label
                )}
              </Table.HeaderCell>
            );
          })}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {items.map((h) => (
          <Table.Row key={h.id}>
            <Table.Cell className="nowrap">
              <RouterLink to={`/husstander/${h.id}`}>{h.reference}</RouterLink>
            </Table.Cell>
            <Table.Cell>
              <span dir="auto">{h.mainPersonName ?? ''}</span>
            </Table.Cell>
            <Table.Cell>
              {t('households.compositionSummary', {
                kind: t(`households.compositionKinds.${h.composition.kind}`),
                size: h.composition.size,
              })}
            </Table.Cell>
            <Table.Cell>{t(`households.categories.${h.category}`)}</Table.Cell>
            <Table.Cell>
              <StateTag state={h.state} />
            </Table.Cell>
            <Table.Cell className="nowrap">{formatDate(h.proposedOn)}</Table.Cell>
            <Table.Cell className="numeric">
              {h.clock.daysWaiting === null ? '' : formatNumber(h.clock.daysWaiting)}
            </Table.Cell>
            <Table.Cell>{h.clock.stopped ? '' : <DueDate clock={h.clock} />}</Table.Cell>
            <Table.Cell>{h.responsibleUnit.name}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollTable>
  );
}
