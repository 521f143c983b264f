import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../shared/domain/calendar-date';
import { generateDufNumber } from '../shared/domain/duf';
import { en } from '../shared/i18n/en';
import { nb } from '../shared/i18n/nb';
import { nn } from '../shared/i18n/nn';
import {
  axeReport,
  baseUrl,
  chooseLanguage,
  collectConsoleErrors,
  demoEmail,
  gotoPage,
  launchBrowser,
  login,
  settle,
} from './support';

// Issue 5's flow through the UI as the settlement worker (bosetter): IMDi's proposal imported
// from a file, accepted, a dwelling reserved, ready to move in, the arrival date set, every
// move-in checklist item done, the household's contacts, the contact card in Arabic, settled —
// and the household on the board in 'settled'. Also: a step without its reason and an illegal
// step are refused with the translated error, the household page passes axe in nb, nn and en,
// and the list finds the household by its Arabic name. axe runs on every state.

const h = nb.households;
const stamp = Date.now();
/** Today in Norway, as the browser (Europe/Oslo) and the server see it. */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

/** A word of random Arabic letters: a name no other household in the demo has. */
function arabicWord(length: number): string {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let word = '';
  for (let i = 0; i < length; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}
const familyName = `${arabicWord(6)}`;
const mainName = `أحمد ${familyName}`;
const caseId = `IMDI-E2E-${stamp}`;

const rng = { int: (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1)) };

/**
 * docs/examples/imdi-intake-example.json, its first case (the family, with DUF numbers only: the
 * e2e server runs as production, where synthetic identity numbers are refused), made unique for
 * this run — its own IMDi case id, fresh DUF numbers and a main person's name no one else has —
 * so the run can repeat against the same server and never collides with the demo data or another
 * file that imports the same example.
 */
async function intakeFile(): Promise<Buffer> {
  const example = JSON.parse(
    await readFile(resolve(import.meta.dirname, '../docs/examples/imdi-intake-example.json'), 'utf8'),
  ) as {
    format: string;
    cases: Array<Record<string, unknown> & { persons: Array<Record<string, unknown>> }>;
  };
  const first = example.cases[0]!;
  const year = Number(today.slice(0, 4));
  const persons = first.persons.map((p) => ({
    ...p,
    dufNumber: p['dufNumber'] ? generateDufNumber({ rng, year }) : null,
    ...(p['relation'] === 'main' ? { fullName: mainName } : {}),
  }));
  const one = {
    ...first,
    imdiCaseId: caseId,
    proposedOn: today,
    residencePermitDate: addDays({ date: today, days: -60 }),
    persons,
  };
  return Buffer.from(JSON.stringify({ format: example.format, cases: [one] }, null, 2), 'utf8');
}

async function h1(page: Page): Promise<string> {
  return (await page.locator('main h1').first().innerText()).trim();
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const report = await axeReport(page, label);
  expect(report, report).toBe('');
}

function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/** The open transition dialog. */
function dialog(page: Page): Locator {
  return page.getByRole('dialog');
}

async function expectState(page: Page, state: keyof typeof h.states): Promise<void> {
  const status = page.getByRole('region', { name: h.detail.statusHeading });
  await status.getByText(h.states[state], { exact: true }).waitFor();
}

/** Opens the step's dialog, fills what it needs, saves, and waits for the new state. */
async function step(
  page: Page,
  label: string,
  to: keyof typeof h.states,
  fill?: (d: Locator) => Promise<void>,
): Promise<void> {
  await button(page, label).click();
  const d = dialog(page);
  await d.waitFor();
  await expectAccessible(page, `dialog ${label}`);
  if (fill) await fill(d);
  await button(d, h.transitions.confirm).click();
  await d.waitFor({ state: 'hidden' });
  await page.getByText(h.transitions.done.replace('{state}', h.states[to])).waitFor();
  await expectState(page, to);
  await settle(page);
  await expectAccessible(page, `after ${label}`);
}

describe('households: from IMDi proposal to settled, through the UI as the settlement worker', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let householdPath = '';
  let reference = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    consoleErrors = collectConsoleErrors(page);
    await login(page, demoEmail('bosetter'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports the proposal from an IMDi file: check, then import', async () => {
    await gotoPage(page, '/husstander');
    expect(await h1(page)).toBe(h.title);
    await expectAccessible(page, '/husstander');
    await page.getByRole('link', { name: h.list.import, exact: true }).click();
    await page.waitForURL(`${baseUrl}/husstander/import`);
    await settle(page);
    await expectAccessible(page, '/husstander/import');

    await page
      .getByLabel(nb.intake.upload.file)
      .setInputFiles({ name: 'imdi-intake-example.json', mimeType: 'application/json', buffer: await intakeFile() });
    await button(page, nb.intake.upload.check).click();
    await page.getByRole('heading', { name: nb.intake.report.heading }).waitFor();
    await expectAccessible(page, 'intake report');
    await button(page, nb.intake.commit.submit).click();
    await page.getByRole('heading', { name: nb.intake.success.heading }).waitFor();
    await expectAccessible(page, 'intake done');

    const link = page.getByRole('link', { name: new RegExp(`IMDi-sak ${caseId}`) });
    householdPath = new URL((await link.getAttribute('href'))!, baseUrl).pathname;
    expect(householdPath).toMatch(/^\/husstander\/[0-9a-f-]{36}$/);
    await link.click();
    await page.waitForURL(`${baseUrl}${householdPath}`);
    await settle(page);
    expect(await h1(page)).toContain(mainName);
    reference = (await h1(page)).match(/^\S+ (\S+)/)![1]!;
    await expectState(page, 'proposed');
    await expectAccessible(page, 'household proposed');
  });

  it('refuses a step without its reason, and an illegal step, with the translated error', async () => {
    // Declining needs a reason: the server's refusal is shown at the reason field.
    await button(page, h.transitionTo.declined).click();
    const d = dialog(page);
    await d.waitFor();
    await button(d, h.transitions.confirm).click();
    await d.getByText(nb.errors['pipeline.reason_required']).first().waitFor();
    await expect.poll(() => d.getByLabel(h.transitions.reason).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'reason required');
    await button(d, h.transitions.cancel).click();
    await d.waitFor({ state: 'hidden' });
    await expectState(page, 'proposed');

    // An illegal step (proposed → settled) as an outdated client would send it: refused, nothing changes.
    await page.route(
      '**/api/households/*/transitions',
      async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
        await route.continue({ postData: JSON.stringify({ ...body, to: 'settled' }) });
      },
      { times: 1 },
    );
    await button(page, h.transitionTo.accepted).click();
    await dialog(page).waitFor();
    await button(dialog(page), h.transitions.confirm).click();
    await dialog(page).getByText(nb.errors['pipeline.transition_invalid']).waitFor();
    await expectAccessible(page, 'transition invalid');
    await button(dialog(page), h.transitions.cancel).click();
    await page.unroute('**/api/households/*/transitions');
    await expectState(page, 'proposed');
  });

  it('the household page has no axe violations in nb, nn and en', async () => {
    for (const [lang, messages] of [
      ['nn', nn],
      ['en', en],
      ['nb', nb],
    ] as const) {
      await chooseLanguage(page, lang);
      await page.getByRole('heading', { name: messages.households.checklist.heading }).waitFor();
      await settle(page);
      await expectAccessible(page, `household page in ${lang}`);
    }
  });

  it('accepts the proposal, reserves a dwelling and makes the household ready to move in', async () => {
    await step(page, h.transitionTo.accepted, 'accepted');
    await step(page, h.transitionTo.dwelling_reserved, 'dwelling_reserved', async (d) => {
      const select = d.getByLabel(h.transitions.dwelling);
      await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
      const value = await select.locator('option').nth(1).getAttribute('value');
      await select.selectOption(value!);
    });
    await page.getByRole('region', { name: h.detail.caseHeading }).getByRole('link', { name: /.+/ }).first().waitFor();
    await step(page, h.transitionTo.ready_to_move_in, 'ready_to_move_in');
  });

  it('sets the arrival date, which creates the move-in checklist, and completes every item', async () => {
    const checklist = page.getByRole('region', { name: h.checklist.heading });
    await checklist.getByText(h.checklist.noArrival).waitFor();
    await page.getByLabel(h.arrival.arrivalDate, { exact: true }).fill(today);
    await button(page, h.arrival.submit).click();
    await page.getByText(h.arrival.saved).waitFor();
    const markDone = checklist.getByRole('button', { name: /^Merk «.+» som utført$/ });
    await expect.poll(() => markDone.count()).toBeGreaterThan(5);
    await expectAccessible(page, 'checklist created');

    const total = await markDone.count();
    for (let i = 0; i < total; i++) {
      const before = await markDone.count();
      await markDone.first().click();
      await expect.poll(() => markDone.count()).toBe(before - 1);
    }
    await checklist
      .getByText(h.checklist.progress.replace('{done}', String(total)).replace('{total}', String(total)))
      .waitFor();
    await expectAccessible(page, 'checklist done');
  });

  it('adds the contacts and downloads the contact card in Arabic as a PDF', async () => {
    const contacts = page.getByRole('region', { name: h.contacts.heading });
    await button(contacts, h.contacts.add).click();
    await contacts.getByLabel(h.contacts.name, { exact: true }).last().fill(`Kari Bosetter ${stamp}`);
    await contacts.getByLabel(h.contacts.phone, { exact: true }).last().fill('712 00 000');
    await button(contacts, h.contacts.add).click();
    await contacts.getByLabel(h.contacts.role, { exact: true }).last().selectOption('nav_adviser');
    await contacts.getByLabel(h.contacts.name, { exact: true }).last().fill(`Nils NAV ${stamp}`);
    await contacts.getByLabel(h.contacts.email, { exact: true }).last().fill('nav.molde@nav.example');
    await button(contacts, h.contacts.submit).click();
    await contacts.getByText(h.contacts.saved).waitFor();
    await contacts.getByRole('cell', { name: `Nils NAV ${stamp}` }).waitFor();
    await expectAccessible(page, 'contacts saved');

    const card = page.getByRole('region', { name: h.card.heading });
    await card.getByLabel(h.card.language).selectOption('ar');
    const link = card.getByRole('link', { name: new RegExp(h.card.download) });
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('language=ar');
    const response = await page.request.get(new URL(href, baseUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page, 'contact card');
  });

  it('marks the household settled on the settlement date, and the board shows it under settled', async () => {
    await step(page, h.transitionTo.settled, 'settled', async (d) => {
      await d.getByLabel(h.transitions.settlementDate, { exact: true }).fill(today);
    });
    const history = page.getByRole('region', { name: h.history.heading });
    await history.getByText(`${h.states.ready_to_move_in} → ${h.states.settled}`).waitFor();

    await gotoPage(page, '/bosetting');
    expect(await h1(page)).toBe(h.board.title);
    const settled = page.getByRole('region', { name: new RegExp(`^${h.states.settled} \\(`) });
    await settled.getByRole('link', { name: new RegExp(reference) }).waitFor();
    await page.getByRole('heading', { name: h.quarters.heading }).waitFor();
    await settle(page);
    await expectAccessible(page, '/bosetting');
  });

  it('the list finds the household by the Arabic name', async () => {
    await gotoPage(page, '/husstander');
    await page.getByLabel(h.list.search, { exact: true }).fill(familyName);
    await button(page, h.list.apply).click();
    await page.waitForURL(/search=/);
    const results = page.getByRole('region', { name: h.list.heading });
    await results.getByRole('link', { name: reference, exact: true }).waitFor();
    await expectAccessible(page, '/husstander?search');
    expect(consoleErrors).toEqual([]);
  });
});
