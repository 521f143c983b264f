import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  dwellingSortKeys,
  MAX_DWELLING_PAGE_SIZE,
  type DwellingListItem,
  type DwellingSortKey,
} from '../../../../../shared/api/dwellings';
import {
  disposalForms,
  dwellingStatuses,
  dwellingTypes,
  earmarkings,
} from '../../../../../shared/domain/dwelling-rules';
import { formatDate, formatMoneyOre, formatNumber } from '../../../../../shared/i18n';
import { CheckboxGroupField } from '../../../../components/CheckboxGroupField';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { PaginationNav } from '../../../../components/PaginationNav';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable } from '../../../../components/ScrollTable';
import { SelectField } from '../../../../components/SelectField';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { useBuildings, useDwellingList } from '../dwellings.api';

const PAGE_SIZE = 50;
const multiKeys = ['status', 'type', 'earmarking', 'disposalForm', 'access'] as const;
const textKeys = [
  'q',
  'bedroomsMin',
  'bedroomsMax',
  'areaMin',
  'areaMax',
  'vacantMoreThanDays',
  'expiringWithinMonths',
  'schoolDistrict',
  'buildingId',
] as const;
type MultiKey = (typeof multiKeys)[number];
type TextKey = (typeof textKeys)[number];
type Filters = Record<MultiKey, string[]> & Record<TextKey, string>;

function filtersFrom(params: URLSearchParams): Filters {
  const filters = {} as Filters;
  for (const key of multiKeys)
    filters[key] = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .filter(Boolean);
  for (const key of textKeys) filters[key] = params.get(key) ?? '';
  return filters;
}

/** The page's URL → the API's query string (only known keys; the server validates the values). */
function apiSearch(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const key of ['status', 'type', 'earmarking', 'disposalForm'] as const) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .filter(Boolean);
    if (values.length) out.set(key, values.join(','));
  }
  for (const key of textKeys) {
    const value = params.get(key)?.trim();
    if (value) out.set(key, value);
  }
  const access = params.getAll('access');
  if (access.includes('wheelchair')) out.set('wheelchairAccessible', 'true');
  if (access.includes('stepFree')) out.set('stepFreeEntrance', 'true');
  for (const key of ['sort', 'dir', 'page'] as const) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  out.set('pageSize', String(Math.min(PAGE_SIZE, MAX_DWELLING_PAGE_SIZE)));
  return out.toString();
}

export function DwellingsPage() {
  const { t } = useI18n();
  usePageTitle(t('dwellings.title'));
  const [params, setParams] = useSearchParams();
  const list = useDwellingList(apiSearch(params));
  const sort = (dwellingSortKeys as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as DwellingSortKey)
    : 'reference';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  if (isNoAccess(list.error)) return <NoAccessPage />;
  const actions = list.data?.actions;

  const setSort = (key: DwellingSortKey) => {
    const next = new URLSearchParams(params);
    next.set('sort', key);
    next.set('dir', sort === key && dir === 'asc' ? 'desc' : 'asc');
    next.delete('page');
    setParams(next);
  };
  const setPage = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };

  return (
    <>
      <PageHeading lead={t('dwellings.intro')}>{t('dwellings.title')}</PageHeading>
      <ul className="link-list">
        {actions?.create ? (
          <li>
            <RouterLink to="/boliger/ny">{t('dwellings.newDwelling')}</RouterLink>
          </li>
        ) : null}
        {actions?.import ? (
          <li>
            <RouterLink to="/boliger/import">{t('dwellings.import')}</RouterLink>
          </li>
        ) : null}
        {actions?.export ? (
          <li>
            <a href="/api/dwellings/export.xlsx">{t('dwellings.export')}</a>
          </li>
        ) : null}
        <li>
          <RouterLink to="/bygg">{t('dwellings.buildingsLink')}</RouterLink>
        </li>
      </ul>
      <FilterForm
        key={params.toString()}
        initial={filtersFrom(params)}
        sortParams={{ sort: params.get('sort'), dir: params.get('dir') }}
        onApply={setParams}
      />
      <PageSection headingId="dwellings-list-heading" heading={t('dwellings.listHeading')}>
        <QueryContent error={list.error} data={list.data} headingLevel={3}>
          {(data) => (
            <>
              <Paragraph role="status">{t('dwellings.count', { count: data.total })}</Paragraph>
              {data.items.length === 0 ? (
                <Paragraph>{t('dwellings.empty')}</Paragraph>
              ) : (
                <DwellingTable items={data.items} sort={sort} dir={dir} onSort={setSort} />
              )}
              <PaginationNav
                label={t('dwellings.pagination.label')}
                page={page}
                totalPages={Math.max(1, Math.ceil(data.total / data.pageSize))}
                onPage={setPage}
                previousLabel={t('dwellings.pagination.previous')}
                nextLabel={t('dwellings.pagination.next')}
                pageLabel={(n) => t('dwellings.pagination.page', { page: n })}
              />
            </>
          )}
        </QueryContent>
      </PageSection>
    </>
  );
}

function FilterForm({
  initial,
  sortParams,
  onApply,
}: {
  initial: Filters;
  sortParams: { sort: string | null; dir: string | null };
  onApply: (params: URLSearchParams) => void;
}) {
  const { t } = useI18n();
  const buildings = useBuildings();
  const [filters, setFilters] = useState<Filters>(initial);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of multiKeys) for (const value of filters[key]) next.append(key, value);
    for (const key of textKeys) if (filters[key].trim()) next.set(key, filters[key].trim());
    if (sortParams.sort) next.set('sort', sortParams.sort);
    if (sortParams.dir) next.set('dir', sortParams.dir);
    onApply(next);
  };
  const text = (key: TextKey, label: string, inputMode?: 'numeric') => (
    <Textfield
      id={`dwelling-filter-${key}`}
      label={label}
      value={filters[key]}
      onChange={(e) => set(key, e.target.value)}
      {...(inputMode ? { inputMode, pattern: '[0-9]*' } : {})}
    />
  );

  return (
    <section aria-labelledby="dwelling-filter-heading" className="section">
      <Heading level={2} data-size="xs" id="dwelling-filter-heading">
        {t('dwellings.filters.heading')}
      </Heading>
      <form role="search" aria-labelledby="dwelling-filter-heading" onSubmit={submit} className="filter-form">
        <div className="filter-form__wide">{text('q', t('dwellings.filters.q'))}</div>
        <CheckboxGroupField
          id="dwelling-filter-status"
          legend={t('dwellings.filters.status')}
          options={dwellingStatuses.map((s) => ({ value: s, label: t(`dwellings.statuses.${s}`) }))}
          value={filters.status}
          onChange={(v) => set('status', v)}
        />
        <CheckboxGroupField
          id="dwelling-filter-type"
          legend={t('dwellings.filters.type')}
          options={dwellingTypes.map((s) => ({ value: s, label: t(`dwellings.types.${s}`) }))}
          value={filters.type}
          onChange={(v) => set('type', v)}
        />
        <CheckboxGroupField
          id="dwelling-filter-earmarking"
          legend={t('dwellings.filters.earmarking')}
          options={earmarkings.map((s) => ({ value: s, label: t(`dwellings.earmarkings.${s}`) }))}
          value={filters.earmarking}
          onChange={(v) => set('earmarking', v)}
        />
        <CheckboxGroupField
          id="dwelling-filter-disposal"
          legend={t('dwellings.filters.disposalForm')}
          options={disposalForms.map((s) => ({ value: s, label: t(`dwellings.disposalForms.${s}`) }))}
          value={filters.disposalForm}
          onChange={(v) => set('disposalForm', v)}
        />
        <CheckboxGroupField
          id="dwelling-filter-access"
          legend={t('dwellings.filters.accessibility')}
          options={[
            { value: 'wheelchair', label: t('dwellings.flags.wheelchairAccessible') },
            { value: 'stepFree', label: t('dwellings.flags.stepFreeEntrance') },
          ]}
          value={filters.access}
          onChange={(v) => set('access', v)}
        />
        <Paragraph className="filter-form__note">{t('dwellings.filters.numberHelp')}</Paragraph>
        {text('bedroomsMin', t('dwellings.filters.bedroomsMin'), 'numeric')}
        {text('bedroomsMax', t('dwellings.filters.bedroomsMax'), 'numeric')}
        {text('areaMin', t('dwellings.filters.areaMin'), 'numeric')}
        {text('areaMax', t('dwellings.filters.areaMax'), 'numeric')}
        {text('vacantMoreThanDays', t('dwellings.filters.vacantMoreThanDays'), 'numeric')}
        {text('expiringWithinMonths', t('dwellings.filters.expiringWithinMonths'), 'numeric')}
        {text('schoolDistrict', t('dwellings.filters.schoolDistrict'))}
        <SelectField
          id="dwelling-filter-building"
          label={t('dwellings.filters.building')}
          value={filters.buildingId}
          onChange={(e) => set('buildingId', e.target.value)}
        >
          <option value="">{t('dwellings.filters.anyBuilding')}</option>
          {(buildings.data?.items ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <div className="filter-form__actions">
          <Button type="submit">{t('dwellings.filters.apply')}</Button>{' '}
          <Button type="button" variant="secondary" onClick={() => onApply(new URLSearchParams())}>
            {t('dwellings.filters.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const columns: { key: DwellingSortKey | null; label: string; numeric?: boolean }[] = [
  { key: 'reference', label: 'reference' },
  { key: 'address', label: 'address' },
  { key: null, label: 'type' },
  { key: 'bedrooms', label: 'bedrooms', numeric: true },
  { key: 'area', label: 'area', numeric: true },
  { key: 'status', label: 'status' },
  { key: 'statusSince', label: 'statusSince' },
  { key: 'vacancyDays', label: 'vacancyDays', numeric: true },
  { key: 'rent', label: 'rent', numeric: true },
  { key: null, label: 'building' },
  { key: null, label: 'leaseEnd' },
];

function DwellingTable({
  items,
  sort,
  dir,
  onSort,
}: {
  items: readonly DwellingListItem[];
  sort: DwellingSortKey;
  dir: 'asc' | 'desc';
  onSort: (key: DwellingSortKey) => void;
}) {
  const { t } = useI18n();
  const leaseEnd = (d: DwellingListItem) => {
    if (d.hasOccupancyLease)
      return d.occupancyLeaseEnd ? formatDate(d.occupancyLeaseEnd) : t('dwellings.table.openEnded');
    if (d.hasHeadLease) return d.headLeaseEnd ? formatDate(d.headLeaseEnd) : t('dwellings.table.openEnded');
    return '';
  };
  return (
    <ScrollTable labelledBy="dwellings-list-heading" className="dwelling-table">
      <Table.Head>
        <Table.Row>
          {columns.map((column) => {
            const label = t(`dwellings.table.${column.label}` as 'dwellings.table.reference');
            const active = column.key !== null && column.key === sort;
            return (
              <Table.HeaderCell
                key={column.label}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
                aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : column.key ? 'none' : undefined}
              >
                {column.key ? (
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => onSort(column.key!)}>
                    {label}
                    <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
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
        {items.map((d) => (
          <Table.Row key={d.id}>
            <Table.Cell>
              <RouterLink to={`/boliger/${d.id}`}>{d.reference}</RouterLink>
            </Table.Cell>
            <Table.Cell>
              {d.street}, {d.postnummer} {d.poststed}
            </Table.Cell>
            <Table.Cell>{t(`dwellings.types.${d.type}`)}</Table.Cell>
            <Table.Cell className="numeric">{formatNumber(d.bedrooms)}</Table.Cell>
            <Table.Cell className="numeric">{d.areaM2 === null ? '' : formatNumber(d.areaM2)}</Table.Cell>
            <Table.Cell>{t(`dwellings.statuses.${d.status}`)}</Table.Cell>
            <Table.Cell>{formatDate(d.statusSince)}</Table.Cell>
            <Table.Cell className="numeric">{d.vacancyDays === null ? '' : formatNumber(d.vacancyDays)}</Table.Cell>
            <Table.Cell className="numeric">{d.rentOre === null ? '' : formatMoneyOre(d.rentOre)}</Table.Cell>
            <Table.Cell>
              {d.buildingId && d.buildingName ? (
                <RouterLink to={`/bygg/${d.buildingId}`}>{d.buildingName}</RouterLink>
              ) : (
                ''
              )}
            </Table.Cell>
            <Table.Cell>{leaseEnd(d)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollTable>
  );
}
