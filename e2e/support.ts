import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

export const baseUrl = 'http://localhost:3100';
export const demoAdmin = {
  email: 'admin@molde.kommune.example',
  password: process.env['HUSLY_DEMO_PASSWORD'] ?? 'husly-demo',
};

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

export async function chooseLanguage(page: Page, lang: 'nb' | 'nn' | 'en'): Promise<void> {
  await page.selectOption('#language-select', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
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
