import { Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { landlordCategories, landlordFlags, landlordListQuery } from '../../../../../shared/api/landlords';
import { formatNumber } from '../../../../../shared/i18n';
import { isNoAccess, NoAccessPage } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { FilterSection, PagedResults, useUrlListQuery } from '../../shared/list-page';
import { LandlordForm } from '../components/LandlordForm';
import { useLandlords } from '../landlords.api';

const PAGE_SIZE = 50;

/** `/utleiere`: search and filters in the URL; the list; "Ny utleier" for those who may. */
export function LandlordsPage() {
  const { t } = useI18n();
  usePageTitle(t('landlords.title'));
  const { query, applyFilters, goTo } = useUrlListQuery(landlordListQuery, PAGE_SIZE);
  const landlords = useLandlords(query);
  const [search, setSearch] = useState(query.search ?? '');
  const [category, setCategory] = useState(query.category ?? '');
  const [flag, setFlag] = useState(query.flag ?? '');
  if (isNoAccess(landlords.error)) return <NoAccessPage />;

  const apply = () => applyFilters({ search: search.trim(), category, flag });

  return (
    <>
      <PageHeading lead={t('landlords.intro')}>{t('landlords.title')}</PageHeading>
      {landlords.data?.actions.create ? (
        <Paragraph>
          <a href="#create-landlord-heading">{t('landlords.newLink')}</a>
        </Paragraph>
      ) : null}
      <FilterSection headingId="landlord-filter-heading" heading={t('landlords.filters.heading')} applyLabel={t('landlords.filters.apply')} onApply={apply}>
        <Textfield id="landlord-search" type="search" label={t('landlords.filters.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField id="landlord-filter-category" label={t('landlords.filters.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">{t('landlords.filters.allCategories')}</option>
          <CodeOptions codes={landlordCategories} label={(c) => t(`landlords.categories.${c}`)} />
        </SelectField>
        <SelectField id="landlord-filter-flag" label={t('landlords.filters.flag')} value={flag} onChange={(e) => setFlag(e.target.value)}>
          <option value="">{t('landlords.filters.allFlags')}</option>
          <CodeOptions codes={landlordFlags} label={(f) => t(`landlords.flags.${f}`)} />
        </SelectField>
      </FilterSection>
      <PageSection headingId="landlord-list-heading" heading={t('landlords.listHeading')}>
        <PagedResults section="landlords" list={landlords} onPage={goTo}>
          {(items) => (
            <ScrollTable labelledBy="landlord-list-heading">
              <TableHeader
                columns={[
                  t('landlords.table.name'),
                  t('landlords.table.kind'),
                  t('landlords.table.orgnr'),
                  t('landlords.table.contact'),
                  { label: t('landlords.table.activeLeases'), numeric: true },
                  { label: t('landlords.table.openIncidents'), numeric: true },
                ]}
              />
              <Table.Body>
                {items.map((l) => (
                  <Table.Row key={l.id}>
                    <Table.Cell>
                      <RouterLink to={`/utleiere/${l.id}`}>{l.name}</RouterLink>
                    </Table.Cell>
                    <Table.Cell>{`${t(`landlords.partyKinds.${l.partyKind}`)} · ${t(`landlords.categories.${l.category}`)}`}</Table.Cell>
                    <Table.Cell>{l.orgnr ?? '–'}</Table.Cell>
                    <Table.Cell>{l.contactUser?.name ?? '–'}</Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(l.activeLeases)}</Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(l.openIncidents)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollTable>
          )}
        </PagedResults>
      </PageSection>
      {landlords.data?.actions.create ? <LandlordForm /> : null}
    </>
  );
}
