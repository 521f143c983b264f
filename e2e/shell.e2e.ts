import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor } from '../shared/domain/permissions';
import { en } from '../shared/i18n/en';
import { nb, type Messages } from '../shared/i18n/nb';
import { nn } from '../shared/i18n/nn';
import {
  axeReport,
  baseUrl,
  chooseLanguage,
  collectConsoleErrors,
  demoAdmin,
  gotoPage,
  launchBrowser,
  menuLinks,
  menuPages,
  settle,
} from './support';

const dictionaries = { nb, nn, en } as const;
const languages = ['nb', 'nn', 'en'] as const;

// This file runs as the demo admin. roles.e2e.ts checks every role's menu and pages.
const adminPermissions = permissionsFor(['admin']);

/** Every page of the signed-in app, with the h1 it must show the admin (the no-access page where the admin may not go). */
const pages: Array<{ path: string; heading: (m: Messages) => string }> = [
  ...menuPages.map(({ path, permission, heading }) => ({
    path,
    heading: can(adminPermissions, permission) ? heading : (m: Messages) => m.errorPages.noAccess.title,
  })),
  { path: '/profil', heading: (m) => m.profile.title },
  { path: '/ingen-tilgang', heading: (m) => m.errorPages.noAccess.title },
  { path: '/denne-siden-finnes-ikke', heading: (m) => m.errorPages.notFound.title },
];

async function h1(page: Page): Promise<string> {
  return (await page.locator('main h1').first().innerText()).trim();
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const report = await axeReport(page, label);
  expect(report, report).toBe('');
}

describe('the Husly shell', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    page = await context.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('when not logged in, any page leads to the login page', async () => {
    await gotoPage(page, '/enheter');
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    expect(await h1(page)).toBe(nb.login.title);
  });

  for (const lang of languages) {
    it(`the login page has no WCAG 2.1 AA violations in ${lang}`, async () => {
      await gotoPage(page, '/logg-inn');
      await chooseLanguage(page, lang);
      expect(await h1(page)).toBe(dictionaries[lang].login.title);
      expect(await page.title()).toContain(dictionaries[lang].login.title);
      await expectAccessible(page, `login (${lang})`);
    });
  }

  it('an empty login form shows the errors at the fields, accessibly', async () => {
    await gotoPage(page, '/logg-inn');
    await chooseLanguage(page, 'nb');
    await page.getByRole('button', { name: nb.login.submit }).click();
    await page.getByText(nb.login.emailRequired).first().waitFor();
    expect(await page.locator('#login-email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'login with field errors');
  });

  it('a wrong password is shown at the form with the translated code', async () => {
    await page.fill('#login-email', demoAdmin.email);
    await page.fill('#login-password', 'not-the-password');
    await page.getByRole('button', { name: nb.login.submit }).click();
    await page.getByRole('alert').filter({ hasText: nb.errors['auth.invalid_credentials'] }).waitFor();
    await expectAccessible(page, 'login with wrong password');
  });

  it('the demo admin logs in, comes back to the page asked for, and sees the layout', async () => {
    await gotoPage(page, '/enheter');
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    await page.fill('#login-email', demoAdmin.email);
    await page.fill('#login-password', demoAdmin.password);
    await page.getByRole('button', { name: nb.login.submit }).click();
    await page.waitForURL(`${baseUrl}/enheter`);
    await settle(page);
    expect(await h1(page)).toBe(nb.units.title);
    // The login form is gone; focus goes to the new page instead of getting lost.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await gotoPage(page, '/');

    expect(await h1(page)).toBe(nb.overview.title);
    expect(await page.getByRole('banner').innerText()).toContain('Molde');
    expect(await page.getByRole('navigation', { name: nb.nav.label }).isVisible()).toBe(true);
    expect(await page.getByRole('main').count()).toBe(1);
    // The admin's menu: what the admin's permissions allow, nothing else.
    expect(await menuLinks(page, nb.nav.label)).toEqual([
      nb.nav.overview,
      nb.nav.tasks,
      nb.nav.reports,
      nb.nav.units,
      nb.nav.users,
      nb.nav.housingSettings,
      nb.nav.settlementSettings,
      nb.nav.insight,
    ]);
    // The overview shows the municipality's facts.
    const facts = await page.locator('.facts').innerText();
    expect(facts).toContain('Molde');
    expect(facts).toMatch(/\d/);
  });

  it('the skip link is the first stop for the keyboard and moves focus to the main content', async () => {
    await gotoPage(page, '/bosetting');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main-content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  for (const lang of languages) {
    it(`every page has its heading, title and no WCAG 2.1 AA violations in ${lang}`, async () => {
      await gotoPage(page, '/');
      await chooseLanguage(page, lang);
      const problems: string[] = [];
      for (const { path, heading } of pages) {
        await gotoPage(page, path); // a full load: the language must be remembered
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe(lang);
        expect(await h1(page), path).toBe(heading(dictionaries[lang]));
        expect(await page.title(), path).toContain(heading(dictionaries[lang]));
        const report = await axeReport(page, `${path} (${lang})`);
        if (report) problems.push(report);
      }
      expect(problems.join('\n\n'), problems.join('\n\n')).toBe('');
    });
  }

  it('navigating with the menu moves focus to the new page heading', async () => {
    await gotoPage(page, '/');
    await chooseLanguage(page, 'nb');
    await page.getByRole('navigation', { name: nb.nav.label }).getByRole('link', { name: nb.nav.units }).click();
    await settle(page);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('a[aria-current="page"]').innerText()).toBe(nb.nav.units);
  });

  it('a too-short unit name is shown at the field and in a summary, with no violations', async () => {
    await gotoPage(page, '/enheter');
    await page.fill('#unit-name', 'A');
    await page.selectOption('#unit-kind', 'boligkontor');
    await page.getByRole('button', { name: nb.units.create.submit }).click();
    await page.locator('#unit-name').and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await page.getByText(nb.units.create.nameTooShort).count()).toBeGreaterThanOrEqual(1);
    // The summary takes focus so the error is announced.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('ds-error-summary');
    await expectAccessible(page, 'unit form with a validation error');
  });

  it('an admin creates a unit and sees it in the list; a duplicate name is refused at the field', async () => {
    const name = `Bustadkontoret E2E ${Date.now()}`;
    await gotoPage(page, '/enheter');
    await page.fill('#unit-name', name);
    await page.selectOption('#unit-kind', 'boligkontor');
    await page.getByRole('button', { name: nb.units.create.submit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: nb.units.create.success.replace('{name}', name) })
      .waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.innerText()).toContain(nb.units.kinds.boligkontor);
    expect(await row.innerText()).toMatch(/\d{2}\.\d{2}\.\d{4}/);

    await page.fill('#unit-name', name);
    await page.selectOption('#unit-kind', 'boligkontor');
    await page.getByRole('button', { name: nb.units.create.submit }).click();
    await page.getByText(nb.errors['unit.name_taken']).first().waitFor();
    expect(await page.locator('#unit-name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'unit form with a server field error');
  });

  it('the active unit can be switched from the header', async () => {
    await gotoPage(page, '/');
    const select = page.locator('#active-unit-select');
    const values = await select
      .locator('option:not([disabled])')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const current = await select.inputValue();
    const other = values.find((v) => v !== current);
    if (!other) return; // the demo admin belongs to one unit only
    const switched = page.waitForResponse((r) => r.url().endsWith('/api/session/unit') && r.status() === 200);
    await select.selectOption(other);
    await switched;
    await page.waitForFunction(
      (v) => (document.getElementById('active-unit-select') as HTMLSelectElement).value === v,
      other,
    );
  });

  it('nothing personal is kept in the browser, and logging out ends the session', async () => {
    const keys = await page.evaluate(() => Object.keys(window.localStorage));
    expect(keys).toEqual(['husly.language']);
    const cookies = await context.cookies();
    for (const cookie of cookies) expect(cookie.httpOnly, cookie.name).toBe(true);

    // Logging out is in the user menu, opened by the button with the user's name.
    await page.getByRole('button', { name: nb.layout.userMenu.replace('{name}', '') }).click();
    await page.getByRole('button', { name: nb.layout.logout }).click();
    await page.waitForURL(`${baseUrl}/logg-inn`);
    await settle(page);
    expect(await h1(page)).toBe(nb.login.title);

    await page.goto(`${baseUrl}/enheter`);
    await page.waitForURL(`${baseUrl}/logg-inn`);
  });

  it('no CSP violations or uncaught errors were logged along the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});
