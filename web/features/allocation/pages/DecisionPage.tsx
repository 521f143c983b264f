import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { z } from 'zod';
import type { DecisionDto } from '../../../../shared/api/allocation';
import { formatDate, formatDateTime } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { FactList } from '../../../components/FactList';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { DecisionAppeals } from '../components/DecisionAppeals';
import { decisionLetterPath, useDecision } from '../offers.api';

const idParams = z.object({ id: z.uuid() });

/**
 * `/tildeling/vedtak/:id` — an allocation decision (enkeltvedtak, issue 6 item 6): the criteria
 * version it applied, the assessment, the appeal deadline, the letter, the lease it created and
 * the appeals.
 */
export function DecisionPage() {
  const { id } = useParams();
  const parsed = idParams.safeParse({ id });
  if (!parsed.success) return <NotFoundPage />;
  return <DecisionDetail key={parsed.data.id} id={parsed.data.id} />;
}

function DecisionDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const decision = useDecision(id);
  usePageTitle(
    decision.data
      ? t('allocationOffers.decision.title', { reference: decision.data.reference })
      : t('allocationOffers.decision.factsHeading'),
  );
  if (isNoAccess(decision.error)) return <NoAccessPage />;
  if (isApiError(decision.error) && decision.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <QueryContent error={decision.error} data={decision.data}>
      {(data) => <DecisionBody decision={data} />}
    </QueryContent>
  );
}

function DecisionBody({ decision }: { decision: DecisionDto }) {
  const { t } = useI18n();
  const none = t('allocationOffers.none');
  return (
    <>
      <PageHeading>{t('allocationOffers.decision.title', { reference: decision.reference })}</PageHeading>
      <PageSection headingId="decision-facts-heading" heading={t('allocationOffers.decision.factsHeading')}>
        <FactList
          facts={[
            {
              term: t('allocationOffers.decision.outcome'),
              value: t(`allocationOffers.decision.outcomes.${decision.outcome}`),
            },
            {
              term: t('allocationOffers.decision.household'),
              value: <RouterLink to={`/husstander/${decision.householdId}`}>{decision.householdReference}</RouterLink>,
            },
            {
              term: t('allocationOffers.decision.dwelling'),
              value: decision.dwellingId ? (
                <RouterLink to={`/boliger/${decision.dwellingId}`}>{t('allocationOffers.decision.dwellingLink')}</RouterLink>
              ) : (
                none
              ),
            },
            ...(decision.offerId
              ? [
                  {
                    term: t('allocationOffers.decision.offer'),
                    value: (
                      <RouterLink to={`/tildeling/tilbud/${decision.offerId}`}>
                        {t('allocationOffers.decision.offerLink')}
                      </RouterLink>
                    ),
                  },
                ]
              : []),
            {
              term: t('allocationOffers.decision.criteriaVersion'),
              value: t('allocationOffers.offer.criteriaVersionValue', { version: decision.criteriaVersion }),
            },
            { term: t('allocationOffers.decision.decidedAt'), value: formatDateTime(decision.decidedAt) },
            { term: t('allocationOffers.decision.decidedBy'), value: decision.decidedBy ?? none },
            { term: t('allocationOffers.decision.appealDeadline'), value: formatDate(decision.appealDeadline) },
            {
              term: t('allocationOffers.decision.lease'),
              value: decision.leaseId ? (
                <RouterLink to={`/kontrakter/${decision.leaseId}`}>{t('allocationOffers.decision.lease')}</RouterLink>
              ) : (
                t('allocationOffers.decision.noLease')
              ),
            },
          ]}
        />
        <Paragraph>
          <Link href={decisionLetterPath(decision.id)} download>
            {t('allocationOffers.decision.letter')}
          </Link>
        </Paragraph>
      </PageSection>
      <PageSection headingId="decision-assessment-heading" heading={t('allocationOffers.decision.assessment')}>
        {decision.assessment
          .split(/\n\s*\n/)
          .filter((part) => part.trim() !== '')
          .map((part, index) => (
            <Paragraph key={index} variant="long">
              {part}
            </Paragraph>
          ))}
      </PageSection>
      <DecisionAppeals decision={decision} />
    </>
  );
}
