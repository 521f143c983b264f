import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { Contribution } from '../../../../shared/api/allocation';
import { formatNumber } from '../../../../shared/i18n';
import { useI18n } from '../../../app/i18n';
import { PageSection } from '../../../components/PageSection';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';

type T = ReturnType<typeof useI18n>['t'];

/** Facts the engine records behind a criterion's points, in words; unknown facts as "key: value". */
export function detailText(t: T, detail: Contribution['detail']): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(detail)) {
    if (raw === null || raw === false) continue;
    const value = typeof raw === 'number' ? formatNumber(raw) : String(raw);
    if (key === 'extraBedrooms' && raw === 0) {
      parts.push(t('allocationOffers.details.exactBedrooms'));
      continue;
    }
    if (key === 'minutes' || key === 'extraBedrooms' || key === 'waitingDays' || key === 'floor') {
      parts.push(t(`allocationOffers.details.${key}`, { value }));
    } else if (key === 'lift') {
      parts.push(t('allocationOffers.details.lift'));
    } else {
      parts.push(t('allocationOffers.details.other', { key, value }));
    }
  }
  return parts.join(', ');
}

/**
 * The explanation recorded at reservation (issue 6 item 3): each criterion's points, which add up
 * to the pair's score, so the office can defend the offer from what Husly recorded (R5.2).
 */
export function OfferExplanation({ contributions, score }: { contributions: Contribution[]; score: number | null }) {
  const { t } = useI18n();
  return (
    <PageSection headingId="offer-explanation-heading" heading={t('allocationOffers.offer.explanationHeading')}>
      {contributions.length === 0 ? (
        <Paragraph>{t('allocationOffers.offer.noExplanation')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('allocationOffers.offer.explanationHelp')}</Paragraph>
          <ScrollTable labelledBy="offer-explanation-heading">
            <TableHeader
              columns={[
                t('allocationOffers.offer.criterion'),
                t('allocationOffers.offer.facts'),
                { label: t('allocationOffers.offer.points'), numeric: true },
              ]}
            />
            <Table.Body>
              {contributions.map((c) => (
                <Table.Row key={c.criterion}>
                  <Table.Cell>{t(`allocationOffers.criteria.${c.criterion}`)}</Table.Cell>
                  <Table.Cell>{detailText(t, c.detail)}</Table.Cell>
                  <Table.Cell className="numeric">{formatNumber(c.points)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('allocationOffers.offer.total')}</Table.HeaderCell>
                <Table.Cell />
                <Table.Cell className="numeric">
                  {formatNumber(score ?? contributions.reduce((sum, c) => sum + c.points, 0))}
                </Table.Cell>
              </Table.Row>
            </Table.Body>
          </ScrollTable>
        </>
      )}
    </PageSection>
  );
}
