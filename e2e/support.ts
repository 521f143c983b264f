import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Permission } from '../shared/domain/permissions';
import type { StaffRole } from '../shared/domain/roles';
import type { Messages } from '../shared/i18n/nb';

export const baseUrl = 'http://localhost:3100';
export const demoPassword = process.env['HUSLY_DEMO_PASSWORD'] ?? 'husly-demo';
export const demoAdmin = {
  email: 'admin@molde.kommune.example',
  password: demoPassword,
};

/** The demo municipality has one login per role: `nav-veileder@molde.kommune.example`, … */
export function demoEmail(role: StaffRole): string {
  return `${role.replace(/_/g, '-')}@molde.kommune.example`;
}

/**
 * The pages of the main menu and the permission each needs, as the issue specifies them — kept
 * here, apart from the web code, so the browser tests check the app against the specification.
 */
export const menuPages: ReadonlyArray<{
  path: string;
  permission: Permission;
  label: (m: Messages) => string;
  heading: (m: Messages) => string;
}> = [
  { path: '/', permission: 'read:unit:any', label: (m) => m.nav.overview, heading: (m) => m.overview.title },
  { path: '/oppgaver', permission: 'read:task:own', label: (m) => m.nav.tasks, heading: (m) => m.tasks.title },
  {
    path: '/bosetting',
    permission: 'read:household:unit',
    label: (m) => m.nav.settlement,
    heading: (m) => m.modules.settlement.title,
  },
  {
    path: '/boliger',
    permission: 'read:dwelling:unit',
    label: (m) => m.nav.dwellings,
    heading: (m) => m.dwellings.title,
  },
  { path: '/kontrakter', permission: 'read:lease:any', label: (m) => m.nav.leases, heading: (m) => m.leases.title },
  {
    path: '/utleiere',
    permission: 'read:landlord:any',
    label: (m) => m.nav.landlords,
    heading: (m) => m.landlords.title,
  },
  {
    path: '/husstander',
    permission: 'read:household:unit',
    label: (m) => m.nav.households,
    heading: (m) => m.modules.households.title,
  },
  {
    path: '/tildeling',
    permission: 'read:allocation:unit',
    label: (m) => m.nav.allocation,
    heading: (m) => m.modules.allocation.title,
  },
  {
    path: '/oppfolging',
    permission: 'read:follow_up:unit',
    label: (m) => m.nav.followUp,
    heading: (m) => m.modules.followUp.title,
  },
  {
    path: '/rapporter',
    permission: 'read:report:any',
    label: (m) => m.nav.reports,
    heading: (m) => m.modules.reports.title,
  },
  { path: '/enheter', permission: 'read:unit:any', label: (m) => m.nav.units, heading: (m) => m.units.title },
  { path: '/brukere', permission: 'read:staff:any', label: (m) => m.nav.users, heading: (m) => m.users.title },
  {
    path: '/boliginnstillinger',
    permission: 'read:housing_settings:any',
    label: (m) => m.nav.housingSettings,
    heading: (m) => m.tasks.settings.title,
  },
  {
    path: '/bosettingsinnstillinger',
    permission: 'read:housing_settings:any',
    label: (m) => m.nav.settlementSettings,
    heading: (m) => m.settlementSettings.title,
  },
  {
    path: '/hendelseslogg',
    permission: 'read:audit:any',
    label: (m) => m.nav.auditLog,
    heading: (m) => m.auditLog.title,
  },
  { path: '/innsyn', permission: 'read:insight:any', label: (m) => m.nav.insight, heading: (m) => m.insight.title },
];

/** Debian's Chromium; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe with the WCAG 2.1 A/AA rules; returns a readable report of violations ('' if none). */
export async function axeReport(page: Page, label: string): Promise<string> {
  // Contrast is measured on the final colours, not halfway through a fade-in (a popover opening).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  if (violations.length === 0) return '';
  const lines = violations.flatMap((v) => [
    `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.map(
      (n) => `      ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replaceAll('\n', '\n        ')}`,
    ),
  ]);
  return `${label} (${page.url()}): ${violations.length} axe violation(s)\n${lines.join('\n')}`;
}

/** Waits until the page has its h1 and nothing is loading any more. */
export async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

export async function gotoPage(page: Page, path: string): Promise<void> {
  await page.goto(baseUrl + path);
  await settle(page);
}

/** Logs in through the login form and waits for the overview. */
export async function login(page: Page, email: string, password = demoPassword): Promise<void> {
  await gotoPage(page, '/logg-inn');
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.press('#login-password', 'Enter');
  await page.waitForURL(`${baseUrl}/`);
  await settle(page);
}

/** The texts of the main menu's links, in order. */
export async function menuLinks(page: Page, menuLabel: string): Promise<string[]> {
  const texts = await page.getByRole('navigation', { name: menuLabel }).getByRole('link').allInnerTexts();
  return texts.map((text) => text.trim());
}

/** Presses Tab until the element with `id` has focus; fails if the keyboard never gets there. */
export async function tabTo(page: Page, id: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

export async function chooseLanguage(page: Page, lang: 'nb' | 'nn' | 'en'): Promise<void> {
  await page.selectOption('#language-select', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** A new page in a fresh Norwegian (nb-NO, Oslo time) browser context, with its console errors collected. */
export async function newOsloPage(browser: Browser): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  const page = await context.newPage();
  return { page, consoleErrors: collectConsoleErrors(page) };
}

/**
 * Console errors that are not expected HTTP answers. Chromium logs every 4xx fetch as
 * "Failed to load resource"; a 401 on /api/session before login, or a 409 we provoke, is normal.
 * Anything else (a CSP violation, an uncaught exception) is a failure.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.startsWith('Failed to load resource: the server responded with a status of 4')) return;
    errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
