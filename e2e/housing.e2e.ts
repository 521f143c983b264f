import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskTitle } from '../shared/api/tasks';
import { addMonths } from '../shared/domain/calendar-date';
import { validateOrgnr } from '../shared/domain/orgnr';
import { en } from '../shared/i18n/en';
import { formatDate } from '../shared/i18n';
import { nb, type Messages } from '../shared/i18n/nb';
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
  newOsloPage,
  settle,
  tabTo,
} from './support';

// Issue 4's flow, through the UI as the housing office: a private landlord, a dwelling leased
// from it, the head lease and the sublease (with the rules they enforce), the clock moved so the
// sublease's first reminder falls due, the reminder in the unit inbox, the needs assessment that
// unblocks renewal, the renewal, and the notice letter. Only the two test controls are API calls.

const dictionaries = { nb, nn, en } as const;
const stamp = Date.now();

/** Today in Norway, as the browser (Europe/Oslo) and the server see it before the clock moves. */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const headEnd = addMonths({ date: today, months: 36 });
const subEnd = addMonths({ date: today, months: 12 });
const renewedEnd = addMonths({ date: today, months: 24 });
/** Far enough that the sublease's 6-month reminder is due, not yet its 3-month one. */
const clockOffsetDays = 200;

/** A valid organisation number nobody in the demo has (random, with the right mod-11 digit). */
function randomOrgnr(): string {
  for (;;) {
    const candidate = String(Math.floor(800_000_000 + Math.random() * 99_999_999));
    if (validateOrgnr(candidate).ok) return candidate;
  }
}
const orgnr = randomOrgnr();
/** The same number with a wrong control digit. */
const badOrgnr = (() => {
  for (let d = 0; d < 10; d++) {
    const candidate = `${orgnr.slice(0, 8)}${d}`;
    if (!validateOrgnr(candidate).ok) return candidate;
  }
  throw new Error('no invalid control digit');
})();

const landlordName = `E2E Utleie AS ${stamp}`;
const dwellingReference = `E2E-${stamp}`;
const dwellingStreet = `Testveien ${stamp % 1000}`;
// A person's name holds no digits (person-names.ts): the run's stamp as letters keeps it unique.
const stampLetters = [...String(stamp)].map((d) => 'abcdefghij'[Number(d)]).join('');
const tenantName = `Amina Testesen-${stampLetters}`;
const otherTenantName = `Yonas Prøvesen-${stampLetters}`;

async function testControl(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}/api/test-controls/${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
}

async function h1(page: Page): Promise<string> {
  return (await page.locator('main h1').first().innerText()).trim();
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const report = await axeReport(page, label);
  expect(report, report).toBe('');
}

/** The field with exactly this label (several labels on a page share words). */
function field(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

async function expectInvalid(locator: Locator): Promise<void> {
  await expect.poll(() => locator.getAttribute('aria-invalid')).toBe('true');
}

describe('housing: landlord, dwelling, head lease and sublease, reminder, needs assessment, renewal, letter', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let subleaseId = '';
  let subleaseReference = '';
  let dwellingPath = '';
  let headLeaseReference = '';
  let disposingUnitName = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    page = await context.newPage();
    // A step that cannot happen fails in seconds, not after vitest's whole test timeout.
    page.setDefaultTimeout(15_000);
    consoleErrors = collectConsoleErrors(page);
    await login(page, demoEmail('boligkontor'));
  });

  afterAll(async () => {
    // Later files see the real date again.
    await testControl('clock', { offsetDays: 0 }).catch(() => undefined);
    await browser?.close();
  });

  it('registers a private landlord company; an invalid organisation number is refused at the field', async () => {
    await gotoPage(page, '/utleiere');
    expect(await h1(page)).toBe(nb.landlords.title);
    await expectAccessible(page, '/utleiere');

    await field(page, nb.landlords.form.name).fill(landlordName);
    const orgnrField = field(page, nb.landlords.form.orgnr);
    await orgnrField.fill(badOrgnr);
    await page.getByRole('button', { name: nb.landlords.form.submitCreate }).click();
    await page.getByText(nb.errors['landlord.orgnr_invalid']).first().waitFor();
    await expectInvalid(orgnrField);
    await expectAccessible(page, '/utleiere with an invalid organisation number');

    await orgnrField.fill(orgnr);
    await page.getByRole('button', { name: nb.landlords.form.submitCreate }).click();
    await page
      .getByRole('status')
      .filter({ hasText: nb.landlords.form.created.replace('{name}', landlordName) })
      .waitFor();
    await page.getByRole('link', { name: landlordName }).waitFor();
  });

  it('registers a dwelling leased from a private landlord and sublet, disposed of by the user’s unit', async () => {
    await gotoPage(page, '/boliger/ny');
    await expectAccessible(page, '/boliger/ny');
    const d = nb.dwellings;
    await field(page, d.fields.reference).fill(dwellingReference);
    await field(page, d.fields.street).fill(dwellingStreet);
    await field(page, d.fields.postnummer).fill('6413');
    await field(page, d.fields.kommunenummer).fill('1506');
    await field(page, d.fields.type).selectOption({ label: d.types.flat });
    await field(page, d.fields.rooms).fill('3');
    await field(page, d.fields.bedrooms).fill('2');
    await field(page, d.fields.capacity).fill('4');
    await field(page, d.fields.disposalForm).selectOption({ label: d.disposalForms.private_sublet });
    const unitSelect = field(page, d.fields.disposingUnit);
    await unitSelect.selectOption({ label: 'Boligkontoret' });
    disposingUnitName = (await unitSelect.locator('option:checked').innerText()).trim();
    await field(page, d.fields.rent).fill('11500');
    await page.getByRole('button', { name: d.form.create }).click();
    await page.waitForURL(/\/boliger\/[0-9a-f-]{36}$/);
    dwellingPath = new URL(page.url()).pathname;
    await settle(page);
    expect(await h1(page)).toContain(dwellingReference);
    await expectAccessible(page, '/boliger/:id (new dwelling)');
  });

  it('registers the head lease from the landlord for three years (§ 9-3)', async () => {
    await gotoPage(page, '/kontrakter/ny');
    expect(await h1(page)).toBe(nb.leases.form.heading);
    await expectAccessible(page, '/kontrakter/ny');
    await page.getByRole('radio', { name: nb.leases.kinds.head }).check();
    await field(page, nb.leases.form.dwelling).fill(dwellingReference);
    await field(page, nb.leases.form.chooseDwelling).selectOption({
      label: `${dwellingStreet} (${dwellingReference})`,
    });
    await field(page, nb.leases.form.landlord).selectOption({ label: `${landlordName} (${orgnr})` });
    await field(page, nb.leases.form.start).fill(today);
    await field(page, nb.leases.form.end).fill(headEnd);
    await field(page, nb.leases.form.legalBasis).selectOption('hl_9_3');
    await field(page, nb.leases.form.rent).fill('11500');
    await expectAccessible(page, '/kontrakter/ny (head lease filled in)');
    await page.getByRole('button', { name: nb.leases.form.submit }).click();

    await page.waitForURL(/\/kontrakter\/[0-9a-f-]{36}$/);
    await settle(page);
    const heading = await h1(page);
    expect(heading.startsWith(`${nb.leases.kinds.head} `), heading).toBe(true);
    headLeaseReference = heading.slice(nb.leases.kinds.head.length + 1);
    await page
      .getByRole('status')
      .filter({ hasText: nb.leases.form.created.replace('{reference}', headLeaseReference) })
      .waitFor();
    await page.getByRole('link', { name: landlordName }).waitFor();
    await expectAccessible(page, '/kontrakter/:id (head lease)');
  });

  /** Fills the sublease form up to the period: kind, dwelling, head lease, a new tenant. */
  async function startSublease(tenant: string): Promise<void> {
    await gotoPage(page, '/kontrakter/ny');
    await page.getByRole('radio', { name: nb.leases.kinds.sub }).check();
    await field(page, nb.leases.form.dwelling).fill(dwellingReference);
    await field(page, nb.leases.form.chooseDwelling).selectOption({
      label: `${dwellingStreet} (${dwellingReference})`,
    });
    const headSelect = field(page, nb.leases.form.headLease);
    const headOption = headSelect.locator('option', { hasText: headLeaseReference });
    await headOption.waitFor({ state: 'attached' });
    await headSelect.selectOption((await headOption.getAttribute('value'))!);
    await page.getByRole('radio', { name: nb.leases.form.tenantNew }).check();
    await field(page, nb.leases.form.fullName).fill(tenant);
    await field(page, nb.leases.form.legalBasis).selectOption('hl_11_1');
    await field(page, nb.leases.form.rent).fill('9500');
    await field(page, nb.leases.form.deposit).fill('19000');
  }

  it('a sublease may not outlive its head lease; one inside it is registered', async () => {
    await startSublease(tenantName);
    const endField = field(page, nb.leases.form.end);
    await field(page, nb.leases.form.start).fill(today);
    await endField.fill(addMonths({ date: headEnd, months: 1 }));
    await page.getByRole('button', { name: nb.leases.form.submit }).click();
    await page.getByText(nb.errors['lease.sublease_outlives_head_lease']).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/kontrakter/ny');
    await expectAccessible(page, '/kontrakter/ny (sublease past the head lease)');

    await endField.fill(subEnd);
    await page.getByRole('button', { name: nb.leases.form.submit }).click();
    await page.waitForURL(/\/kontrakter\/[0-9a-f-]{36}$/);
    await settle(page);
    const heading = await h1(page);
    expect(heading.startsWith(`${nb.leases.kinds.sub} `), heading).toBe(true);
    subleaseReference = heading.slice(nb.leases.kinds.sub.length + 1);
    subleaseId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('link', { name: headLeaseReference }).waitFor();
    expect(await page.locator('main').innerText()).toContain(tenantName);
    await expectAccessible(page, '/kontrakter/:id (sublease)');
  });

  it('a second sublease overlapping the first on the same dwelling is refused', async () => {
    await startSublease(otherTenantName);
    await field(page, nb.leases.form.start).fill(addMonths({ date: today, months: 6 }));
    await field(page, nb.leases.form.end).fill(addMonths({ date: today, months: 18 }));
    await page.getByRole('button', { name: nb.leases.form.submit }).click();
    await page.getByText(nb.errors['lease.overlap']).first().waitFor();
    await expectInvalid(field(page, nb.leases.form.start));
    expect(new URL(page.url()).pathname).toBe('/kontrakter/ny');
    await expectAccessible(page, '/kontrakter/ny (overlapping sublease)');
  });

  it('after the clock moves ~200 days, the sublease’s 6-month reminder is in the unit inbox and leads to the lease', async () => {
    await testControl('clock', { offsetDays: clockOffsetDays });
    await testControl('scheduler');
    // Half a year on, the session from "today" has long expired: log in again.
    await login(page, demoEmail('boligkontor'));

    await gotoPage(page, '/oppgaver');
    expect(await h1(page)).toBe(nb.tasks.title);
    await page.getByRole('radio', { name: nb.tasks.views.unit }).check();
    await field(page, nb.tasks.unitPicker).selectOption({ label: disposingUnitName });
    const link = page.getByRole('link', { name: `${nb.tasks.subjects.lease} ${subleaseReference}`, exact: true });
    await link.first().waitFor();
    const row = page.getByRole('row').filter({ has: link });
    expect(await row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain(
      taskTitle('nb', {
        kind: 'lease.end',
        title: '',
        params: { reference: subleaseReference, endDate: subEnd, monthsBefore: 6 },
      }),
    );
    expect(rowText).toContain(nb.tasks.kinds.needsAssessmentAndLetter);
    expect(rowText).toContain(disposingUnitName);
    await expectAccessible(page, '/oppgaver (unit inbox)');

    await link.click();
    await page.waitForURL(`${baseUrl}/kontrakter/${subleaseId}`);
    await settle(page);
    expect(await h1(page)).toBe(`${nb.leases.kinds.sub} ${subleaseReference}`);
  });

  it('renewal is blocked until a needs assessment is recorded; then the lease is renewed inside the head lease', async () => {
    const renewSection = page.getByRole('region', { name: nb.leases.renew.heading, exact: true });
    await renewSection.getByText(nb.leases.renew.blocked.requiresAssessment).waitFor();
    const renewButton = renewSection.getByRole('button', { name: nb.leases.renew.submit });
    expect(await renewButton.isDisabled()).toBe(true);
    await expectAccessible(page, '/kontrakter/:id (renewal blocked)');

    await field(page, nb.leases.assessment.outcome).selectOption({ label: nb.leases.outcomes.continued_need });
    const reasons = 'Husstanden har fortsatt behov: lav inntekt og ingen aktuell privat bolig i området.';
    await field(page, nb.leases.assessment.reasons).fill(reasons);
    await page.getByRole('button', { name: nb.leases.assessment.submit }).click();
    await page.getByRole('status').filter({ hasText: nb.leases.assessment.saved }).waitFor();
    await page.getByText(reasons).waitFor();
    await renewSection.getByText(nb.leases.renew.blocked.requiresAssessment).waitFor({ state: 'detached' });
    expect(await renewButton.isDisabled()).toBe(false);

    await renewSection.getByLabel(nb.leases.renew.newEnd, { exact: true }).fill(renewedEnd);
    await renewButton.click();
    await page.getByRole('status').filter({ hasText: nb.leases.renew.saved }).waitFor();
    // Never extended automatically: the next renewal needs a new assessment.
    await renewSection.getByText(nb.leases.renew.blocked.requiresAssessment).waitFor();
    const renewals = page.getByRole('region', { name: nb.leases.detail.renewals, exact: true });
    await renewals
      .getByRole('listitem')
      .filter({ hasText: `${formatDate(subEnd)} → ${formatDate(renewedEnd)}` })
      .waitFor();
    const facts = page.getByRole('region', { name: nb.leases.detail.facts, exact: true });
    await facts
      .getByText(nb.leases.periodText.replace('{start}', formatDate(today)).replace('{end}', formatDate(renewedEnd)))
      .waitFor();
    await expectAccessible(page, '/kontrakter/:id (renewed)');
  });

  it('makes the lease-end notice letter, and its download is a PDF', async () => {
    const letters = page.getByRole('region', { name: nb.letters.heading, exact: true });
    await letters.getByText(nb.letters.none).waitFor();
    await field(page, nb.letters.form.kind).selectOption('lease_end_notice');
    await page.getByRole('button', { name: nb.letters.form.submit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: nb.letters.form.success.replace('{kind}', nb.letters.kinds.lease_end_notice) })
      .waitFor();
    const download = letters.getByRole('link', { name: nb.letters.download });
    await download.first().waitFor();
    expect(await download.count()).toBe(1);
    const href = await download.getAttribute('href');
    expect(href).toBeTruthy();
    const response = await page.request.get(new URL(href!, baseUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page, '/kontrakter/:id (with a letter)');

    // The dwelling page lists the letters of its current lease too.
    await gotoPage(page, dwellingPath);
    const heading = page.getByRole('heading', { name: nb.letters.ofLease.replace('{reference}', subleaseReference), exact: true });
    await heading.waitFor();
    const table = page.getByRole('table', { name: nb.letters.ofLease.replace('{reference}', subleaseReference), exact: true });
    await expect(table.getByRole('link', { name: nb.letters.download }).count()).resolves.toBe(1);
    await expectAccessible(page, '/boliger/:id (with leases and letters)');
  });

  it('the lease page, the dwelling list and the inbox have no violations in nynorsk and English', async () => {
    const problems: string[] = [];
    const pages: Array<{ path: string; heading: (m: Messages) => string }> = [
      { path: `/kontrakter/${subleaseId}`, heading: (m) => `${m.leases.kinds.sub} ${subleaseReference}` },
      { path: '/boliger', heading: (m) => m.dwellings.title },
      { path: '/oppgaver', heading: (m) => m.tasks.title },
    ];
    for (const { path, heading } of pages) {
      await gotoPage(page, path);
      for (const lang of ['nn', 'en'] as const) {
        await chooseLanguage(page, lang);
        await expect.poll(() => h1(page)).toBe(heading(dictionaries[lang]));
        await settle(page);
        const report = await axeReport(page, `${path} (${lang})`);
        if (report) problems.push(report);
      }
      await chooseLanguage(page, 'nb');
    }
    await chooseLanguage(page, 'nb');
    expect(problems.join('\n\n'), problems.join('\n\n')).toBe('');
  });

  it('no CSP violations or uncaught errors were logged along the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('the dwelling register list', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, consoleErrors } = await newOsloPage(browser));
    // A step that cannot happen fails in seconds, not after vitest's whole test timeout.
    page.setDefaultTimeout(15_000);
    await login(page, demoEmail('boligkontor'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The number in the "{count} boliger" status line. */
  async function shownCount(): Promise<number> {
    const [before, after] = nb.dwellings.count.split('{count}') as [string, string];
    const status = page.getByRole('status').filter({ hasText: after.trim() });
    await status.first().waitFor();
    const text = (await status.first().innerText()).trim();
    const digits = text.slice(before.length, text.length - after.length).replace(/\s/g, '');
    expect(digits, text).toMatch(/^[0-9]+$/);
    return Number(digits);
  }

  it('a filter in the URL shows the filtered count and only matching dwellings', async () => {
    await gotoPage(page, '/boliger');
    const all = await shownCount();
    await gotoPage(page, '/boliger?status=vacant');
    const vacant = await shownCount();
    expect(vacant).toBeGreaterThan(0);
    expect(vacant).toBeLessThan(all);
    expect(await page.locator('#dwelling-filter-status-vacant').isChecked()).toBe(true);
    const statusCells = await page.locator('main table tbody tr td:nth-child(6)').allInnerTexts();
    expect(statusCells.length).toBeGreaterThan(0);
    expect(new Set(statusCells.map((s) => s.trim()))).toEqual(new Set([nb.dwellings.statuses.vacant]));
    await expectAccessible(page, '/boliger?status=vacant');
  });

  it('the filter form works with the keyboard alone: Tab to the fields, Enter submits', async () => {
    await gotoPage(page, '/boliger');
    const all = await shownCount();
    await page.locator('body').focus();
    await tabTo(page, 'dwelling-filter-status-vacant', 80);
    await page.keyboard.press('Space');
    await tabTo(page, 'dwelling-filter-bedroomsMin', 80);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.waitForURL(
      (url) => url.searchParams.getAll('status').includes('vacant') && url.searchParams.get('bedroomsMin') === '2',
    );
    await settle(page);
    // The list keeps showing the previous result until the new one is there.
    await expect.poll(shownCount).toBeLessThan(all);
    const bedrooms = await page.locator('main table tbody tr td:nth-child(4)').allInnerTexts();
    for (const b of bedrooms) expect(Number(b.trim())).toBeGreaterThanOrEqual(2);
  });

  it('no CSP violations or uncaught errors were logged along the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});
