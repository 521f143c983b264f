import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en';
import { nb } from '../shared/i18n/nb';
import {
  axeReport,
  baseUrl,
  chooseLanguage,
  collectConsoleErrors,
  demoAdmin,
  demoEmail,
  gotoPage,
  launchBrowser,
  login,
  settle,
  tabTo,
} from './support';

// Issue 5 items 1, 2, 5, 9 and the settlement settings through the UI: the settlement worker
// (bosetter) opens a seeded person, renames them in Arabic script, records a health note — refused
// without a legal basis, saved with one — and sees it only after asking (every display audited),
// downloads the data-subject export as JSON and PDF, and checks IMDi's example file on the import
// page; the NAV adviser sees no special-category section and the API refuses them; the admin
// changes a checklist offset, gets a bad one refused at its row, and resets the list. axe runs
// on every state, in bokmål and English.

const p = nb.persons;

/** A word of random Arabic letters: a name no one else in the demo has. */
function arabicWord(length: number): string {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let word = '';
  for (let i = 0; i < length; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}
const newName = `سارة ${arabicWord(6)}`;
const healthNote = `Astma, trenger bolig uten fukt (${Date.now()})`;

async function h1(page: Page): Promise<string> {
  return (await page.locator('main h1').first().innerText()).trim();
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const report = await axeReport(page, label);
  expect(report, report).toBe('');
}

function field(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

async function expectInvalid(locator: Locator): Promise<void> {
  await expect.poll(() => locator.getAttribute('aria-invalid')).toBe('true');
}

/** A seeded person: the first member of a household in the demo municipality (API lookup). */
async function seededPersonId(page: Page): Promise<string> {
  const list = await page.request.get(`${baseUrl}/api/households?pageSize=50`);
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as { items: Array<{ id: string; state: string }> };
  for (const household of items) {
    const detail = await page.request.get(`${baseUrl}/api/households/${household.id}`);
    if (detail.status() !== 200) continue;
    const { members } = (await detail.json()) as { members: Array<{ personId: string; relation: string }> };
    const main = members.find((m) => m.relation === 'main');
    if (main) return main.personId;
  }
  throw new Error('no seeded household with a main person');
}

describe('persons: person page, special categories, export; IMDi import page; settlement settings', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  let personId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    consoleErrors = collectConsoleErrors(page);
    await login(page, demoEmail('bosetter'));
    personId = await seededPersonId(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a seeded person, and saves a new name in Arabic script', async () => {
    await gotoPage(page, `/personer/${personId}`);
    await page.getByRole('heading', { name: p.facts.heading, exact: true }).waitFor();
    await expectAccessible(page, 'person page');
    // The name is shown in its own direction (right-to-left for Arabic script).
    expect(await page.locator('main h1 span[dir="auto"]').count()).toBe(1);

    await field(page, p.form.fullName).fill(newName);
    await button(page, p.form.submit).click();
    await page.getByText(p.form.saved).waitFor();
    expect(await h1(page)).toBe(newName);
    await expectAccessible(page, 'person saved');
  });

  it('refuses a health note without a legal basis, saves it with one, and shows it only on request', async () => {
    await page.getByRole('heading', { name: p.special.heading, exact: true }).waitFor();
    await field(page, p.special.form.details).fill(healthNote);
    await button(page, p.special.form.add).click();
    const basis = field(page, p.special.form.legalBasis);
    await expectInvalid(basis);
    await page.getByText(nb.errors['special_category.legal_basis_required']).first().waitFor();
    await expectAccessible(page, 'special category refused');

    await basis.selectOption('integration_act');
    await button(page, p.special.form.add).click();
    await page.getByText(p.special.form.added).waitFor();
    // Not listed until the user asks: every display is audited.
    expect(await page.getByText(healthNote).count()).toBe(0);

    // Keyboard: from the top of the page to the button, and Enter.
    await page.locator('main h1').first().focus();
    await tabTo(page, 'person-special-show', 120);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: p.special.listHeading, exact: true }).waitFor();
    await page.getByRole('cell', { name: healthNote }).waitFor();
    await expectAccessible(page, 'special categories shown');
  });

  it('downloads the data-subject export as JSON and as PDF', async () => {
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: p.rights.exportJson }).click(),
    ]);
    const exported = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
      format: string;
      person: Record<string, unknown>;
      specialCategories: Array<{ details: string }>;
    };
    expect(exported.format).toBe('husly.person-export.v1');
    expect(exported.specialCategories.map((s) => s.details)).toContain(healthNote);

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: p.rights.exportPdf }).click(),
    ]);
    const bytes = await readFile((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('is readable and accessible in English', async () => {
    await chooseLanguage(page, 'en');
    try {
      await page.getByRole('heading', { name: en.persons.facts.heading, exact: true }).waitFor();
      await page.getByRole('heading', { name: en.persons.special.heading, exact: true }).waitFor();
      await expectAccessible(page, 'person page (en)');
    } finally {
      await chooseLanguage(page, 'nb');
    }
  });

  it('checks IMDi’s example file on the import page and explains every problem', async () => {
    await gotoPage(page, '/husstander/import');
    expect(await h1(page)).toBe(nb.intake.title);
    await expectAccessible(page, 'import page');

    // Without a file: refused at the field.
    await button(page, nb.intake.upload.check).click();
    await page.getByText(nb.intake.upload.fileRequired).waitFor();

    const example = await readFile(resolve(import.meta.dirname, '../docs/examples/imdi-intake-example.json'));
    await field(page, nb.intake.upload.file).setInputFiles({
      name: 'imdi-intake-example.json',
      mimeType: 'application/json',
      buffer: example,
    });
    await button(page, nb.intake.upload.check).click();
    await page.getByRole('heading', { name: nb.intake.report.heading, exact: true }).waitFor();
    const cases = (JSON.parse(example.toString('utf8')) as { cases: unknown[] }).cases.length;
    const caseRows = page.getByRole('region', { name: nb.intake.report.casesHeading, exact: true }).getByRole('row');
    expect(await caseRows.count()).toBe(cases + 1);

    // The e2e server runs as production: the example's synthetic identity numbers are refused
    // there, and each problem is explained in words, never as a code.
    const problems = page.getByRole('region', { name: nb.intake.report.problemsHeading, exact: true });
    if ((await problems.count()) > 0) {
      const texts = await problems.getByRole('row').locator('td:last-child').allInnerTexts();
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) expect(text).not.toMatch(/^(import|person|household|intake)\./);
      expect(texts.join('\n')).toContain(nb.intake.reasons.synthetic_in_production);
      expect(await button(page, nb.intake.commit.submit).isDisabled()).toBe(true);
    } else {
      expect(await button(page, nb.intake.commit.submit).isDisabled()).toBe(false);
    }
    await expectAccessible(page, 'import report');
    await chooseLanguage(page, 'en');
    await page.getByRole('heading', { name: en.intake.report.heading, exact: true }).waitFor();
    await expectAccessible(page, 'import report (en)');
    await chooseLanguage(page, 'nb');
  });

  it('gives the NAV adviser no special-category section, and the API refuses them', async () => {
    const navContext = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const nav = await navContext.newPage();
    nav.setDefaultTimeout(15_000);
    const navErrors = collectConsoleErrors(nav);
    try {
      await login(nav, demoEmail('nav_veileder'));
      await gotoPage(nav, `/personer/${personId}`);
      await nav.getByRole('heading', { name: p.facts.heading, exact: true }).waitFor();
      expect(await h1(nav)).toBe(newName);
      expect(await nav.getByRole('heading', { name: p.special.heading, exact: true }).count()).toBe(0);
      expect(await nav.getByText(healthNote).count()).toBe(0);
      expect(await nav.getByRole('heading', { name: p.form.heading, exact: true }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: p.rights.exportJson }).count()).toBe(0);
      await expectAccessible(nav, 'person page as NAV adviser');

      const refused = await nav.request.get(`${baseUrl}/api/persons/${personId}/special-categories`);
      expect(refused.status()).toBe(403);
      expect(await refused.text()).not.toContain(healthNote);
      const exportRefused = await nav.request.get(`${baseUrl}/api/persons/${personId}/export`);
      expect(exportRefused.status()).toBe(403);
      expect(navErrors).toEqual([]);
    } finally {
      await navContext.close();
    }
  });

  it('lets the admin change a checklist offset, refuses a bad one at its row, and reset the list', async () => {
    const adminContext = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(15_000);
    const adminErrors = collectConsoleErrors(admin);
    const s = nb.settlementSettings;
    try {
      await login(admin, demoAdmin.email);
      await admin
        .getByRole('navigation', { name: nb.nav.label })
        .getByRole('link', { name: nb.nav.settlementSettings })
        .click();
      await admin.waitForURL(`${baseUrl}/bosettingsinnstillinger`);
      await settle(admin);
      expect(await h1(admin)).toBe(s.title);
      await expectAccessible(admin, 'settlement settings');

      const firstOffset = admin.locator('#checklist-0-offsetDays');
      await firstOffset.fill('-5');
      await button(admin, s.save).click();
      await admin.getByText(s.saved).waitFor();
      await expect.poll(() => admin.locator('#checklist-0-offsetDays').inputValue()).toBe('-5');
      await admin.getByText(s.checklist.isOwn).waitFor();

      const secondOffset = admin.locator('#checklist-1-offsetDays');
      await secondOffset.fill('500');
      await button(admin, s.save).click();
      await expectInvalid(secondOffset);
      await admin.locator('#checklist-1-offsetDays-error').getByText(s.problems.offset_out_of_range).waitFor();
      await expectAccessible(admin, 'settlement settings refused');

      await chooseLanguage(admin, 'en');
      await admin.getByRole('heading', { name: en.settlementSettings.checklist.heading, exact: true }).waitFor();
      await expectAccessible(admin, 'settlement settings (en)');
      await chooseLanguage(admin, 'nb');

      await admin.reload();
      await settle(admin);
      await button(admin, s.checklist.reset).click();
      await button(admin, s.checklist.resetYes).click();
      await admin.getByText(s.checklist.resetDone).waitFor();
      await admin.getByText(s.checklist.isDefault).waitFor();
      await expect.poll(() => admin.locator('#checklist-0-offsetDays').inputValue()).toBe('-3');
      await expectAccessible(admin, 'settlement settings reset');
      expect(adminErrors).toEqual([]);
    } finally {
      await adminContext.close();
    }
  });

  it('logged nothing unexpected in the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
