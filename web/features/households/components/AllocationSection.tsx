import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { householdAllocationResponse } from '../../../../shared/api/allocation';
import { formatDate } from '../../../../shared/i18n';
import { apiRequest } from '../../../app/api-client';
import { QueryContent } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';

/**
 * "Tildeling" on the household page: the household's reservations, offers and allocation
 * decisions, each linking to its page (issue 6 items 5–6). The allocation feature owns those
 * pages; a feature does not import another, so this fetches with the API client itself. The key
 * starts with 'allocation' so a change on an offer page refreshes it.
 */
export function AllocationSection({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const allocation = useQuery({
    queryKey: ['allocation', 'household', householdId],
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/households/${householdId}/allocation`, schema: householdAllocationResponse, signal }),
  });
  const none = t('allocationOffers.none');
  return (
    <PageSection headingId="household-allocation-heading" heading={t('allocationOffers.household.heading')}>
      <QueryContent error={allocation.error} data={allocation.data} headingLevel={3}>
        {({ offers, decisions }) =>
          offers.length === 0 && decisions.length === 0 ? (
            <Paragraph>{t('allocationOffers.household.empty')}</Paragraph>
          ) : (
            <>
              {offers.length > 0 ? (
                <ScrollTable labelledBy="household-allocation-offers">
                  <caption id="household-allocation-offers" className="households-caption">
                    {t('allocationOffers.household.offersHeading')}
                  </caption>
                  <TableHeader
                    columns={[
                      t('allocationOffers.household.dwelling'),
                      t('allocationOffers.household.state'),
                      t('allocationOffers.household.reservedAt'),
                      t('allocationOffers.household.answerDue'),
                    ]}
                  />
                  <Table.Body>
                    {offers.map((o) => (
                      <Table.Row key={o.id}>
                        <Table.Cell>
                          <RouterLink to={`/tildeling/tilbud/${o.id}`}>
                            {t('allocationOffers.household.offerLink', { reference: o.dwellingReference })}
                          </RouterLink>
                          <br />
                          {o.address}
                        </Table.Cell>
                        <Table.Cell>{t(`allocationOffers.states.${o.state}`)}</Table.Cell>
                        <Table.Cell className="nowrap">{formatDate(o.reservedAt)}</Table.Cell>
                        <Table.Cell className="nowrap">{o.answerDue ? formatDate(o.answerDue) : none}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </ScrollTable>
              ) : null}
              {decisions.length > 0 ? (
                <ScrollTable labelledBy="household-allocation-decisions">
                  <caption id="household-allocation-decisions" className="households-caption">
                    {t('allocationOffers.household.decisionsHeading')}
                  </caption>
                  <TableHeader
                    columns={[
                      t('allocationOffers.household.reference'),
                      t('allocationOffers.household.outcome'),
                      t('allocationOffers.household.decidedAt'),
                      t('allocationOffers.household.appealDeadline'),
                    ]}
                  />
                  <Table.Body>
                    {decisions.map((d) => (
                      <Table.Row key={d.id}>
                        <Table.Cell>
                          <RouterLink to={`/tildeling/vedtak/${d.id}`}>{d.reference}</RouterLink>
                        </Table.Cell>
                        <Table.Cell>{t(`allocationOffers.decision.outcomes.${d.outcome}`)}</Table.Cell>
                        <Table.Cell className="nowrap">{formatDate(d.decidedAt)}</Table.Cell>
                        <Table.Cell className="nowrap">{formatDate(d.appealDeadline)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </ScrollTable>
              ) : null}
            </>
          )
        }
      </QueryContent>
    </PageSection>
  );
}
