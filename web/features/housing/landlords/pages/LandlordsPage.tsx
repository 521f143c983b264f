import { Button, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { landlordCategories, landlordFlags, landlordListQuery, type LandlordListQuery } from '../../../../../shared/api/landlords';
import { formatNumber } from '../../../../../shared/i18n';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { PaginationNav } from '../../../../components/PaginationNav';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable } from '../../../../components/ScrollTable';
import { SelectField } from '../../../../components/SelectField';
import { LandlordForm } from '../components/LandlordForm';
import { useLandlords } from '../landlords.api';

const PAGE_SIZE = 50;

/** `/utleiere`: search and filters in the URL; the list; "Ny utleier" for those who may. */
export function LandlordsPage() {
  const { t } = useI18n();
  usePageTitle(t('landlords.title'));
  const [params, setParams] = useSearchParams();
  const parsed = landlordListQuery.safeParse(Object.fromEntries(params));
  const query: LandlordListQuery = { ...(parsed.success ? parsed.data : {}), pageSize: PAGE_SIZE };
  const landlords = useLandlords(query);
  const [search, setSearch] = useState(query.search ?? '');
  const [category, setCategory] = useState(query.category ?? '');
  const [flag, setFlag] = useState(query.flag ?? '');
  if (isNoAccess(landlords.error)) return <NoAccessPage />;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set('search', search.trim());
    if (category) next.set('category', category);
    if (flag) next.set('flag', flag);
    setParams(next);
  };
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <>
      <PageHeading lead={t('landlords.intro')}>{t('landlords.title')}</PageHeading>
      {landlords.data?.actions.create ? (
        <Paragraph>
          <a href="#create-landlord-heading">{t('landlords.newLink')}</a>
        </Paragraph>
      ) : null}
      <PageSection headingId="landlord-filter-heading" heading={t('landlords.filters.heading')}>
        <form onSubmit={apply} className="form-stack narrow" aria-labelledby="landlord-filter-heading">
          <Textfield id="landlord-search" type="search" label={t('landlords.filters.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
          <SelectField id="landlord-filter-category" label={t('landlords.filters.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('landlords.filters.allCategories')}</option>
            {landlordCategories.map((c) => (
              <option key={c} value={c}>
                {t(`landlords.categories.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="landlord-filter-flag" label={t('landlords.filters.flag')} value={flag} onChange={(e) => setFlag(e.target.value)}>
            <option value="">{t('landlords.filters.allFlags')}</option>
            {landlordFlags.map((f) => (
              <option key={f} value={f}>
                {t(`landlords.flags.${f}`)}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" variant="secondary">
              {t('landlords.filters.apply')}
            </Button>
          </div>
        </form>
      </PageSection>
      <PageSection headingId="landlord-list-heading" heading={t('landlords.listHeading')}>
        <QueryContent error={landlords.error} data={landlords.data} headingLevel={3}>
          {(data) =>
            data.items.length === 0 ? (
              <Paragraph>{t('landlords.empty')}</Paragraph>
            ) : (
              <>
                <Paragraph role="status">{t('landlords.total', { count: data.total })}</Paragraph>
                <ScrollTable labelledBy="landlord-list-heading">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('landlords.table.name')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('landlords.table.kind')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('landlords.table.orgnr')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('landlords.table.contact')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="numeric">
                        {t('landlords.table.activeLeases')}
                      </Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="numeric">
                        {t('landlords.table.openIncidents')}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.items.map((l) => (
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
                <PaginationNav
                  label={t('landlords.pagination.label')}
                  page={data.page}
                  totalPages={Math.ceil(data.total / data.pageSize)}
                  onPage={goTo}
                  previousLabel={t('landlords.pagination.previous')}
                  nextLabel={t('landlords.pagination.next')}
                  pageLabel={(page) => t('landlords.pagination.page', { page: String(page) })}
                />
              </>
            )
          }
        </QueryContent>
      </PageSection>
      {landlords.data?.actions.create ? <LandlordForm /> : null}
    </>
  );
}
