import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { OfferDto } from '../../../../shared/api/allocation';
import { formatDate, formatDateTime, formatNumber } from '../../../../shared/i18n';
import { QueryContent } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { useOffers, useRecentRuns } from '../allocation.api';
import { qualityText } from '../explain';

// The workbench's lower part: the recent runs (each opens in the workbench, ?kjoring=<id>) and the
// open offers — reserved or offered, not yet answered — each linking to its offer page.

export function RecentRunsSection({ currentId }: { currentId: string | null }) {
  const { t, lang } = useI18n();
  const runs = useRecentRuns();
  const headingId = 'allocation-runs-heading';
  return (
    <PageSection headingId={headingId} heading={t('allocation.runs.heading')}>
      <QueryContent error={runs.error} data={runs.data} headingLevel={3}>
        {({ items }) =>
          items.length === 0 ? (
            <Paragraph>{t('allocation.runs.empty')}</Paragraph>
          ) : (
            <ScrollTable labelledBy={headingId} data-size="sm">
              <TableHeader
                columns={[
                  t('allocation.runs.createdAt'),
                  t('allocation.runs.batch'),
                  { label: t('allocation.runs.proposals'), numeric: true },
                  t('allocation.runs.quality'),
                ]}
              />
              <Table.Body>
                {items.map((run) => (
                  <Table.Row key={run.id}>
                    <Table.Cell>
                      {run.id === currentId ? (
                        <span aria-current="true">
                          {formatDateTime(run.createdAt)} ({t('allocation.runs.current')})
                        </span>
                      ) : (
                        <RouterLink to={`/tildeling?kjoring=${run.id}`}>{formatDateTime(run.createdAt)}</RouterLink>
                      )}
                    </Table.Cell>
                    <Table.Cell>{t('allocation.runs.batchSize', { households: run.households, dwellings: run.dwellings })}</Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(run.proposals)}</Table.Cell>
                    <Table.Cell>{qualityText(lang, run.quality)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollTable>
          )
        }
      </QueryContent>
    </PageSection>
  );
}

const openStates = ['reserved', 'offered'] as const;

export function OpenOffersSection() {
  const { t } = useI18n();
  const reserved = useOffers('reserved');
  const offered = useOffers('offered');
  const headingId = 'allocation-open-offers-heading';
  const data = reserved.data && offered.data ? [...reserved.data.items, ...offered.data.items] : undefined;
  return (
    <PageSection headingId={headingId} heading={t('allocation.offers.heading')}>
      <QueryContent error={reserved.error ?? offered.error} data={data} headingLevel={3}>
        {(items: OfferDto[]) =>
          items.length === 0 ? (
            <Paragraph>{t('allocation.offers.empty')}</Paragraph>
          ) : (
            <ScrollTable labelledBy={headingId} data-size="sm">
              <TableHeader
                columns={[
                  t('allocation.offers.offer'),
                  t('allocation.offers.address'),
                  t('allocation.offers.state'),
                  t('allocation.offers.answerDue'),
                ]}
              />
              <Table.Body>
                {items.map((offer) => (
                  <Table.Row key={offer.id}>
                    <Table.Cell>
                      <RouterLink to={`/tildeling/tilbud/${offer.id}`}>
                        {t('allocation.offers.link', { household: offer.householdReference, dwelling: offer.dwellingReference })}
                      </RouterLink>
                    </Table.Cell>
                    <Table.Cell>{offer.address}</Table.Cell>
                    <Table.Cell>
                      {(openStates as readonly string[]).includes(offer.state)
                        ? t(`allocation.offers.states.${offer.state as (typeof openStates)[number]}`)
                        : offer.state}
                    </Table.Cell>
                    <Table.Cell>{offer.answerDue ? formatDate(offer.answerDue) : t('allocation.none')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollTable>
          )
        }
      </QueryContent>
    </PageSection>
  );
}
