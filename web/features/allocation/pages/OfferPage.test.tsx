import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { AllocationSettingsDto, DecisionDto, OfferDto } from '../../../../shared/api/allocation';
import { DEFAULT_REFUSAL_REASONS } from '../../../../shared/domain/allocation-criteria';
import { osloToday } from '../../../../shared/domain/calendar-date';
import { nb } from '../../../../shared/i18n/nb';
import { I18nProvider } from '../../../app/i18n';
import { defaultLeaseEnd } from '../components/DecisionCreateForm';
import { DecisionPage } from './DecisionPage';
import { OfferPage } from './OfferPage';

// The pages rendered to HTML with their data already in the query cache (as after the GETs):
// which facts, links and forms each state of an offer shows. The browser flow
// (e2e/allocation.e2e.ts) drives the same pages against the real server.

const o = nb.allocationOffers;
const offerId = '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0001';
const decisionId = '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0002';

const settings: AllocationSettingsDto = {
  refusalReasons: DEFAULT_REFUSAL_REASONS.map((r) => ({ ...r })),
  offerAnswerDays: 7,
  appealOffice: 'Boligkontoret',
  appealAddress: 'Postboks 1, 6401 Molde',
  appealBody: 'Klagenemnda',
  version: 1,
  actions: { update: false },
};

function offer(changes: Partial<OfferDto>): OfferDto {
  return {
    id: offerId,
    householdId: '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0003',
    householdReference: 'H-2025-0042',
    dwellingId: '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0004',
    dwellingReference: 'B-0107',
    address: 'Storgata 1, 6413 Molde',
    runId: null,
    criteriaVersion: 3,
    state: 'reserved',
    score: 1_150,
    contributions: [
      { criterion: 'base', points: 1000, detail: {} },
      { criterion: 'school', points: 70, detail: { minutes: 8 } },
      { criterion: 'size_fit', points: 80, detail: { extraBedrooms: 0 } },
    ],
    reservedAt: '2025-09-01T08:00:00.000Z',
    offeredAt: null,
    answerDue: null,
    answeredAt: null,
    refusalReason: null,
    refusalText: '',
    consequence: null,
    letterLanguage: null,
    decisionId: null,
    leaseId: null,
    version: 1,
    actions: { offer: false, answer: false, decide: false, withdraw: false },
    ...changes,
  };
}

function render(path: string, element: ReactNode, seed: (client: QueryClient) => void): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  seed(client);
  const router = createMemoryRouter(
    [
      { path: '/tildeling/tilbud/:id', element },
      { path: '/tildeling/vedtak/:id', element },
    ],
    { initialEntries: [path] },
  );
  return renderToString(
    <I18nProvider>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

function renderOffer(dto: OfferDto, rentOre: number | null = 950_000): string {
  return render(`/tildeling/tilbud/${offerId}`, <OfferPage />, (client) => {
    client.setQueryData(['allocation', 'offer', offerId], dto);
    client.setQueryData(['allocation', 'settings'], settings);
    client.setQueryData(['dwellings', 'one', dto.dwellingId, 'rent'], { rentOre });
  });
}

/** The HTML's text with tags removed, to look for texts. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[ \t\n]+/g, ' ');

describe('the offer page', () => {
  it('shows the reservation, its explanation adding up to the score, and the send form', () => {
    const html = renderOffer(offer({ actions: { offer: true, answer: false, decide: false, withdraw: true } }));
    const words = text(html);
    expect(html).toContain('<h1');
    expect(words).toContain('Tilbud om bolig B-0107');
    expect(html).toContain(`href="/husstander/0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0003"`);
    expect(html).toContain(`href="/boliger/0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0004"`);
    expect(words).toContain(o.states.reserved);
    expect(words).toContain('Versjon 3');
    expect(words).toContain(o.criteria.school);
    expect(words).toContain('gangtid 8 min');
    expect(words).toContain('like mange soverom som behovet');
    expect(words).toContain('1\u00a0150');
    expect(words).toContain(o.send.heading);
    expect(words).toContain(o.withdraw.heading);
    expect(words).not.toContain(o.answer.heading);
    expect(words).not.toContain(o.offer.letter);
  });

  it('once offered: the letter link and the answer form, with the refusal reasons only after "Avslått"', () => {
    const html = renderOffer(
      offer({
        state: 'offered',
        offeredAt: '2025-09-02T08:00:00.000Z',
        answerDue: '2025-09-09',
        actions: { offer: false, answer: true, decide: false, withdraw: true },
      }),
    );
    const words = text(html);
    expect(html).toContain(`href="/api/allocation/offers/${offerId}/letter.pdf"`);
    expect(words).toContain(o.offer.letter);
    expect(words).toContain(o.answer.heading);
    expect(words).toContain(o.answer.refused);
    expect(words).not.toContain(DEFAULT_REFUSAL_REASONS[0].label);
    expect(words).not.toContain(o.send.heading);
  });

  it('once accepted: the decision form with the rent prefilled from the dwelling and the end three years on', () => {
    const html = renderOffer(
      offer({
        state: 'accepted',
        offeredAt: '2025-09-02T08:00:00.000Z',
        answeredAt: '2025-09-03T08:00:00.000Z',
        actions: { offer: false, answer: false, decide: true, withdraw: false },
      }),
    );
    const words = text(html);
    expect(words).toContain(o.decide.heading);
    expect(html).toMatch(/id="decision-rent"[^>]*value="9500"|value="9500"[^>]*id="decision-rent"/);
    const end = defaultLeaseEnd(osloToday(new Date()));
    expect(html).toMatch(new RegExp(`id="decision-end"[^>]*value="${end}"|value="${end}"[^>]*id="decision-end"`));
    expect(words).not.toContain(o.withdraw.heading);
  });

  it('once refused: the reason by its label, the household\'s words and the consequence', () => {
    const words = text(
      renderOffer(
        offer({
          state: 'refused',
          refusalReason: 'rent',
          refusalText: 'For dyrt for oss.',
          consequence: 'new_offer',
          offeredAt: '2025-09-02T08:00:00.000Z',
          answeredAt: '2025-09-03T08:00:00.000Z',
        }),
      ),
    );
    expect(words).toContain(o.states.refused);
    expect(words).toContain('For høy husleie');
    expect(words).toContain('For dyrt for oss.');
    expect(words).toContain(o.consequences.new_offer);
    expect(words).toContain(o.offer.noActions);
  });
});

describe('the decision page', () => {
  const decision: DecisionDto = {
    id: decisionId,
    reference: 'TV-2025-0001',
    householdId: '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0003',
    householdReference: 'H-2025-0042',
    dwellingId: '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0004',
    offerId,
    outcome: 'allocated',
    criteriaVersion: 3,
    assessment: 'Første avsnitt.\n\nAndre avsnitt.',
    decidedAt: '2025-09-04T08:00:00.000Z',
    decidedBy: 'Saksbehandler Boligkontor',
    appealDeadline: '2025-09-25',
    leaseId: '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0005',
    appeals: [
      {
        id: '0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0006',
        receivedOn: '2025-09-20',
        grounds: 'For langt fra skolen.',
        late: false,
        state: 'received',
        outcomeOn: null,
        outcomeNote: '',
        version: 1,
      },
    ],
    actions: { appeal: true },
  };

  it('shows the outcome, appeal deadline, letter, lease link, appeals and the appeal forms', () => {
    const html = render(`/tildeling/vedtak/${decisionId}`, <DecisionPage />, (client) =>
      client.setQueryData(['allocation', 'decision', decisionId], decision),
    );
    const words = text(html);
    expect(words).toContain('Vedtak TV-2025-0001');
    expect(words).toContain(o.decision.outcomes.allocated);
    expect(words).toContain('25.09.2025');
    expect(html).toContain(`href="/api/allocation/decisions/${decisionId}/letter.pdf"`);
    expect(html).toContain('href="/kontrakter/0b7f8e0e-4d6f-4a55-9a34-8f1f3c0c0005"');
    expect(words).toContain(o.decision.lease);
    expect(words).toContain('Første avsnitt.');
    expect(words).toContain('For langt fra skolen.');
    expect(words).toContain(o.appeals.onTime);
    expect(words).toContain(o.appeals.createHeading);
    expect(words).toContain(o.appeals.updateHeading.replace('{date}', '20.09.2025'));
  });
});
