import { Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { z } from 'zod';
import type { AllocationSettingsDto, OfferDto, OfferState } from '../../../../shared/api/allocation';
import { formatDate, formatDateTime } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { FactList } from '../../../components/FactList';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { DecisionCreateForm } from '../components/DecisionCreateForm';
import { OfferExplanation } from '../components/OfferExplanation';
import { OfferAnswerForm, OfferSendForm, OfferWithdrawForm } from '../components/OfferForms';
import { offerLetterPath, useAllocationSettings, useOffer } from '../offers.api';

const idParams = z.object({ id: z.uuid() });

const stateColor: Record<OfferState, 'info' | 'warning' | 'success' | 'danger' | 'neutral'> = {
  reserved: 'info',
  offered: 'warning',
  accepted: 'success',
  refused: 'danger',
  withdrawn: 'neutral',
  expired: 'neutral',
};

export function OfferStateTag({ state }: { state: OfferState }) {
  const { t } = useI18n();
  return (
    <Tag data-color={stateColor[state]} data-size="sm">
      {t(`allocationOffers.states.${state}`)}
    </Tag>
  );
}

/** `/tildeling/tilbud/:id` — one reservation or offer: its explanation, timeline and next step (issue 6 item 5). */
export function OfferPage() {
  const { id } = useParams();
  const parsed = idParams.safeParse({ id });
  if (!parsed.success) return <NotFoundPage />;
  return <OfferDetail key={parsed.data.id} id={parsed.data.id} />;
}

function OfferDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const offer = useOffer(id);
  const settings = useAllocationSettings();
  // The dwelling's reference, not the household's names: the title ends up in the browser's history.
  usePageTitle(
    offer.data
      ? t('allocationOffers.offer.title', { reference: offer.data.dwellingReference })
      : t('allocationOffers.offer.factsHeading'),
  );
  if (isNoAccess(offer.error) || isNoAccess(settings.error)) return <NoAccessPage />;
  if (isApiError(offer.error) && offer.error.code === 'resource.not_found') return <NotFoundPage />;
  const data = offer.data && settings.data ? { offer: offer.data, settings: settings.data } : undefined;
  return (
    <QueryContent error={offer.error ?? settings.error} data={data}>
      {(d) => <OfferBody offer={d.offer} settings={d.settings} />}
    </QueryContent>
  );
}

function OfferBody({ offer, settings }: { offer: OfferDto; settings: AllocationSettingsDto }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const none = t('allocationOffers.none');
  const reason = offer.refusalReason
    ? (settings.refusalReasons.find((r) => r.code === offer.refusalReason)?.label ?? offer.refusalReason)
    : null;
  const letterSent = offer.offeredAt !== null;
  const anyAction = offer.actions.offer || offer.actions.answer || offer.actions.decide || offer.actions.withdraw;

  return (
    <>
      <PageHeading>{t('allocationOffers.offer.title', { reference: offer.dwellingReference })}</PageHeading>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}

      <PageSection headingId="offer-facts-heading" heading={t('allocationOffers.offer.factsHeading')}>
        <FactList
          facts={[
            {
              term: t('allocationOffers.offer.household'),
              value: <RouterLink to={`/husstander/${offer.householdId}`}>{offer.householdReference}</RouterLink>,
            },
            {
              term: t('allocationOffers.offer.dwelling'),
              value: (
                <RouterLink to={`/boliger/${offer.dwellingId}`}>
                  {offer.dwellingReference}, {offer.address}
                </RouterLink>
              ),
            },
            { term: t('allocationOffers.offer.state'), value: <OfferStateTag state={offer.state} /> },
            {
              term: t('allocationOffers.offer.score'),
              value: offer.score === null ? none : t('allocationOffers.offer.pointsValue', { points: offer.score }),
            },
            {
              term: t('allocationOffers.offer.criteriaVersion'),
              value: t('allocationOffers.offer.criteriaVersionValue', { version: offer.criteriaVersion }),
            },
            { term: t('allocationOffers.offer.answerDue'), value: offer.answerDue ? formatDate(offer.answerDue) : none },
            ...(offer.letterLanguage
              ? [{ term: t('allocationOffers.offer.letterLanguage'), value: offer.letterLanguage, mono: true }]
              : []),
            ...(offer.state === 'refused'
              ? [
                  { term: t('allocationOffers.offer.refusalReason'), value: reason ?? none },
                  { term: t('allocationOffers.offer.refusalText'), value: offer.refusalText || none },
                  {
                    term: t('allocationOffers.offer.consequence'),
                    value: offer.consequence ? t(`allocationOffers.consequences.${offer.consequence}`) : none,
                  },
                ]
              : []),
            ...(offer.decisionId
              ? [
                  {
                    term: t('allocationOffers.offer.decision'),
                    value: (
                      <RouterLink to={`/tildeling/vedtak/${offer.decisionId}`}>
                        {t('allocationOffers.offer.decisionLink')}
                      </RouterLink>
                    ),
                  },
                ]
              : []),
            ...(offer.leaseId
              ? [
                  {
                    term: t('allocationOffers.offer.lease'),
                    value: (
                      <RouterLink to={`/kontrakter/${offer.leaseId}`}>{t('allocationOffers.offer.lease')}</RouterLink>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {letterSent ? (
          <Paragraph>
            <Link href={offerLetterPath(offer.id)} download>
              {t('allocationOffers.offer.letter')}
            </Link>
          </Paragraph>
        ) : null}
      </PageSection>

      <PageSection headingId="offer-timeline-heading" heading={t('allocationOffers.offer.timelineHeading')}>
        <FactList
          facts={[
            { term: t('allocationOffers.offer.reservedAt'), value: formatDateTime(offer.reservedAt) },
            {
              term: t('allocationOffers.offer.offeredAt'),
              value: offer.offeredAt ? formatDateTime(offer.offeredAt) : none,
            },
            {
              term: t('allocationOffers.offer.answeredAt'),
              value: offer.answeredAt ? formatDateTime(offer.answeredAt) : none,
            },
          ]}
        />
      </PageSection>

      <OfferExplanation contributions={offer.contributions} score={offer.score} />

      {offer.actions.offer ? (
        <OfferSendForm key={`send-${offer.version}`} offer={offer} settings={settings} onDone={setNotice} />
      ) : null}
      {offer.actions.answer ? (
        <OfferAnswerForm key={`answer-${offer.version}`} offer={offer} settings={settings} onDone={setNotice} />
      ) : null}
      {offer.actions.decide ? <DecisionCreateForm key={`decide-${offer.version}`} offer={offer} /> : null}
      {offer.actions.withdraw ? (
        <OfferWithdrawForm key={`withdraw-${offer.version}`} offer={offer} onDone={setNotice} />
      ) : null}
      {!anyAction && !offer.decisionId ? <Paragraph>{t('allocationOffers.offer.noActions')}</Paragraph> : null}
    </>
  );
}
