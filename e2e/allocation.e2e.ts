import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nb } from '../shared/i18n/nb';
import { axeReport, baseUrl, demoEmail, gotoPage, launchBrowser, login, newOsloPage, settle } from './support';

// Issue 6's flow through the UI as the housing office (boligkontor) in the demo municipality:
// run the allocation workbench, lock a pair, re-run (the pair is still proposed), reserve the
// accepted proposals; on one offer send the offer (the letter appears) and record a refusal with
// its reason (the dwelling is freed); on another send, accept and decide on allocation — the
// decision page shows the appeal deadline and links the lease it created, which opens. An appeal
// is registered. axe (WCAG 2.1 A/AA) runs on every page.
//
// The workbench's accessible names are the ones agreed with its page (web/features/allocation):
// buttons "Kjør tildeling", "Kjør på nytt", "Reserver godtatte", "Lås <household> til <dwelling>",
// regions "Forslag", "Uten forslag", "Sammensetning per bygg", and a notice starting "Reservert".

const o = nb.allocationOffers;
const workbench = {
  run: 'Kjør tildeling',
  rerun: 'Kjør på nytt',
  reserve: 'Reserver godtatte',
  proposals: 'Forslag',
  unassigned: 'Uten forslag',
  composition: 'Sammensetning per bygg',
  lockPattern: /^Lås (\S+) til (\S+)$/,
};

type Pair = { household: string; dwelling: string };

async function expectAccessible(page: Page, label: string): Promise<void> {
  const report = await axeReport(page, label);
  expect(report, report).toBe('');
}

function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/** The section with this heading (its scrollable table is a region with the same name, inside it). */
function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true }).first();
}

/** The pairs the workbench proposes, from its lock buttons ("Lås H-… til B-…"). */
async function proposedPairs(page: Page): Promise<Pair[]> {
  const names = await region(page, workbench.proposals)
    .getByRole('button', { name: workbench.lockPattern })
    .evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? '').trim() || (b.getAttribute('aria-label') ?? '')));
  const pairs: Pair[] = [];
  for (const name of names) {
    const match = workbench.lockPattern.exec(name);
    if (match) pairs.push({ household: match[1]!, dwelling: match[2]! });
  }
  return pairs;
}

/** From the household list to its page, then through its "Tildeling" section to the offer. */
async function openOffer(page: Page, pair: Pair): Promise<void> {
  await gotoPage(page, `/husstander?search=${encodeURIComponent(pair.household)}`);
  await page.getByRole('link', { name: pair.household, exact: true }).click();
  await page.waitForURL(/\/husstander\/[0-9a-f-]{36}$/);
  await settle(page);
  const section = region(page, o.household.heading);
  await section.waitFor();
  await expectAccessible(page, `household ${pair.household} with its allocation`);
  await section
    .getByRole('link', { name: o.household.offerLink.replace('{reference}', pair.dwelling), exact: true })
    .click();
  await page.waitForURL(/\/tildeling\/tilbud\/[0-9a-f-]{36}$/);
  await settle(page);
  expect((await page.locator('main h1').innerText()).trim()).toBe(o.offer.title.replace('{reference}', pair.dwelling));
}

async function expectOfferState(page: Page, state: keyof typeof o.states): Promise<void> {
  await region(page, o.offer.factsHeading).getByText(o.states[state], { exact: true }).waitFor();
}

/** "Send tilbud" with a summary in Arabic; the letter link appears and serves a PDF. */
async function sendOffer(page: Page): Promise<void> {
  const send = region(page, o.send.heading);
  await send.getByLabel(o.send.summaryLanguage, { exact: true }).selectOption('ar');
  await button(send, o.send.submit).click();
  await page.getByText(o.send.done).waitFor();
  await expectOfferState(page, 'offered');
  const letter = page.getByRole('link', { name: o.offer.letter, exact: true });
  await letter.waitFor();
  const href = await letter.getAttribute('href');
  const pdf = await page.request.get(baseUrl + href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await settle(page);
  await expectAccessible(page, 'offer sent');
}

describe('allocation: workbench, offer, refusal, decision and lease', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, consoleErrors } = await newOsloPage(browser));
    await login(page, demoEmail('boligkontor'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  let locked: Pair;
  let other: Pair;

  it('runs the workbench, locks a pair, re-runs with the lock kept, and reserves', async () => {
    await gotoPage(page, '/tildeling');
    await expectAccessible(page, 'workbench');
    await button(page, workbench.run).click();
    await region(page, workbench.proposals).waitFor();
    await region(page, workbench.unassigned).waitFor();
    await region(page, workbench.composition).waitFor();
    await settle(page);
    await expectAccessible(page, 'workbench with proposals');

    const first = await proposedPairs(page);
    expect(first.length, 'the demo municipality gives at least two proposals').toBeGreaterThanOrEqual(2);
    locked = first[0]!;
    await button(region(page, workbench.proposals), `Lås ${locked.household} til ${locked.dwelling}`).click();

    await button(page, workbench.rerun).click();
    await settle(page);
    // The locked pair is proposed again: its row names both the household and the dwelling.
    const proposals = region(page, workbench.proposals);
    await proposals
      .locator('tr, li, article')
      .filter({ hasText: locked.household })
      .filter({ hasText: locked.dwelling })
      .first()
      .waitFor();
    await expectAccessible(page, 'workbench re-run with a lock');
    const second = await proposedPairs(page);
    const candidate = second.find((p) => p.household !== locked.household && p.dwelling !== locked.dwelling);
    expect(candidate, 'another proposal besides the locked one').toBeDefined();
    other = candidate!;

    await button(page, workbench.reserve).click();
    await page.getByText(/^Reservert/).first().waitFor();
    await settle(page);
    await expectAccessible(page, 'workbench after reserving');
  });

  it('sends an offer with its letter and records a refusal with its reason: the dwelling is freed', async () => {
    await openOffer(page, locked);
    await expectOfferState(page, 'reserved');
    await region(page, o.offer.explanationHeading).waitFor();
    await expectAccessible(page, 'offer reserved');
    await sendOffer(page);

    const answer = region(page, o.answer.heading);
    // Without an answer the form says what is missing, at the field.
    await button(answer, o.answer.submit).click();
    await page.getByText(o.answer.answerRequired).first().waitFor();
    await expectAccessible(page, 'answer form with an error');

    await answer.getByLabel(o.answer.refused, { exact: true }).check();
    await answer.getByLabel(o.answer.reason, { exact: true }).selectOption({ index: 1 });
    await answer.getByLabel(o.answer.text, { exact: true }).fill('Husstanden ønsker å bo nærmere skolen til barna.');
    await answer.getByLabel(o.answer.consequence, { exact: true }).selectOption('new_offer');
    await button(answer, o.answer.submit).click();
    await page.getByText(o.answer.doneRefused).waitFor();
    await expectOfferState(page, 'refused');
    const facts = region(page, o.offer.factsHeading);
    await facts.getByText('Husstanden ønsker å bo nærmere skolen til barna.').waitFor();
    await facts.getByText(o.consequences.new_offer, { exact: true }).waitFor();
    await settle(page);
    await expectAccessible(page, 'offer refused');

    // The dwelling is free again: it no longer has a live reservation, so the dwelling page no
    // longer names this household as reserved, and the household page shows the refused offer.
    await gotoPage(page, `/husstander?search=${encodeURIComponent(locked.household)}`);
    await page.getByRole('link', { name: locked.household, exact: true }).click();
    await settle(page);
    const section = region(page, o.household.heading);
    await section.getByText(o.states.refused, { exact: true }).waitFor();
  });

  it('sends another offer, records the acceptance, decides, and opens the lease the decision created', async () => {
    await openOffer(page, other);
    await sendOffer(page);

    const answer = region(page, o.answer.heading);
    await answer.getByLabel(o.answer.accepted, { exact: true }).check();
    await button(answer, o.answer.submit).click();
    await page.getByText(o.answer.doneAccepted).waitFor();
    await expectOfferState(page, 'accepted');

    const decide = region(page, o.decide.heading);
    await decide.waitFor();
    await settle(page);
    await expectAccessible(page, 'offer accepted, decision form');
    await decide
      .getByLabel(o.decide.assessment, { exact: true })
      .fill('Boligen oppfyller alle absolutte krav og gir best samlet verdi etter kriteriene. Husstanden har godtatt tilbudet.');
    const rent = decide.getByLabel(o.decide.rent, { exact: true });
    if ((await rent.inputValue()) === '') await rent.fill('9 500');
    await button(decide, o.decide.submit).click();

    await page.waitForURL(/\/tildeling\/vedtak\/[0-9a-f-]{36}$/);
    await settle(page);
    expect((await page.locator('main h1').innerText()).trim()).toMatch(/^Vedtak \S+/);
    const facts = region(page, o.decision.factsHeading);
    await facts.getByText(o.decision.outcomes.allocated, { exact: true }).waitFor();
    await facts.getByText(o.decision.appealDeadline, { exact: true }).waitFor();
    await facts.getByText(/^\d{2}\.\d{2}\.\d{4}$/).first().waitFor();
    await page.getByRole('link', { name: o.decision.letter, exact: true }).waitFor();
    await expectAccessible(page, 'decision');

    // An appeal, registered and listed.
    const appeals = region(page, o.appeals.heading);
    await appeals.getByLabel(o.appeals.grounds, { exact: true }).fill('Husstanden mener boligen ligger for langt fra skolen.');
    await button(appeals, o.appeals.createSubmit).click();
    await page.getByText(o.appeals.created).waitFor();
    await appeals.getByText('Husstanden mener boligen ligger for langt fra skolen.').waitFor();
    await settle(page);
    await expectAccessible(page, 'decision with an appeal');

    await facts.getByRole('link', { name: o.decision.lease, exact: true }).click();
    await page.waitForURL(/\/kontrakter\/[0-9a-f-]{36}$/);
    await settle(page);
    await page.getByText(other.dwelling).first().waitFor();
    await expectAccessible(page, 'lease created by the decision');

    expect(consoleErrors).toEqual([]);
  });
});
