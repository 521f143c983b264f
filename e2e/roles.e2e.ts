import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor } from '../shared/domain/permissions';
import { staffRoles } from '../shared/domain/roles';
import { en } from '../shared/i18n/en';
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
  menuLinks,
  menuPages,
  newOsloPage,
  settle,
  tabTo,
} from './support';

const dictionaries = { nb, nn, en } as const;
const languages = ['nb', 'nn', 'en'] as const;

async function h1(page: Page): Promise<string> {
  return (await page.locator('main h1').first().innerText()).trim();
}

/** Runs axe on the page as it is in each language; returns the reports of those with violations. */
async function axeInEveryLanguage(page: Page, label: string, ready: (m: Messages) => Promise<void>): Promise<string> {
  const problems: string[] = [];
  for (const lang of languages) {
    await chooseLanguage(page, lang);
    await ready(dictionaries[lang]);
    const report = await axeReport(page, `${label} (${lang})`);
    if (report) problems.push(report);
  }
  await chooseLanguage(page, 'nb');
  return problems.join('\n\n');
}

async function sessionUser(page: Page): Promise<{ id: string; displayName: string }> {
  return page.evaluate(async () => {
    const response = await fetch('/api/session', { credentials: 'same-origin' });
    const body = (await response.json()) as { user: { id: string; displayName: string } };
    return body.user;
  });
}

describe('roles: what each staff member sees', () => {
  let browser: Browser;
  // One list per page; each fills while its page lives.
  const consoleErrors: string[][] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The expectation comes from the permission matrix (shared/domain/permissions.ts), so this
  // test follows the matrix when it changes.
  for (const role of staffRoles) {
    it(`${role}: the menu shows exactly the pages its permissions allow, and the others are closed`, async () => {
      const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
      try {
        const page = await context.newPage();
        consoleErrors.push(collectConsoleErrors(page));
        await login(page, demoEmail(role));

        const permissions = permissionsFor([role]);
        const allowed = menuPages.filter((p) => can(permissions, p.permission));
        const forbidden = menuPages.filter((p) => !can(permissions, p.permission));
        expect(await menuLinks(page, nb.nav.label)).toEqual(allowed.map((p) => p.label(nb)));

        for (const { path, heading } of allowed) {
          await gotoPage(page, path);
          expect(await h1(page), `${role} ${path}`).toBe(heading(nb));
        }
        for (const { path } of forbidden) {
          await gotoPage(page, path);
          expect(await h1(page), `${role} ${path}`).toBe(nb.errorPages.noAccess.title);
        }
        // Everyone has a profile, reached from the user menu.
        await gotoPage(page, '/profil');
        expect(await h1(page)).toBe(nb.profile.title);
      } finally {
        await context.close();
      }
    });
  }

  it('a module page a case worker may see has no WCAG 2.1 AA violations in any language', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    try {
      const page = await context.newPage();
      consoleErrors.push(collectConsoleErrors(page));
      await login(page, demoEmail('bosetter'));
      await gotoPage(page, '/bosetting');
      const problems = await axeInEveryLanguage(page, '/bosetting', async (m) => {
        expect(await h1(page)).toBe(m.modules.settlement.title);
      });
      expect(problems, problems).toBe('');
    } finally {
      await context.close();
    }
  });

  it('no CSP violations or uncaught errors were logged along the way', () => {
    expect(consoleErrors.flat()).toEqual([]);
  });
});

describe('login page: OpenID providers and failures', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, consoleErrors } = await newOsloPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a failed OpenID login comes back with ?feil= and is shown translated, in every language', async () => {
    await gotoPage(page, '/logg-inn?feil=auth.tenant_not_enrolled');
    for (const lang of languages) {
      await chooseLanguage(page, lang);
      await page
        .getByRole('alert')
        .filter({ hasText: dictionaries[lang].errors['auth.tenant_not_enrolled'] })
        .waitFor();
    }
    await chooseLanguage(page, 'nb');
    // Anything that is not a login code is not echoed: it is a failed login.
    await gotoPage(page, '/logg-inn?feil=%3Cscript%3E');
    await page.getByRole('alert').filter({ hasText: nb.errors['auth.oidc_failed'] }).waitFor();
  });

  it('shows one plain link per provider, to the server’s login for it', async () => {
    await page.route('**/api/auth/oidc/providers', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          items: [
            { id: 'idporten', label: 'ID-porten' },
            { id: 'entra', label: 'Molde kommune (Entra ID)' },
          ],
        }),
      }),
    );
    await gotoPage(page, '/logg-inn?feil=auth.level_insufficient');
    const idporten = page.getByRole('link', { name: nb.login.withProvider.replace('{label}', 'ID-porten') });
    await idporten.waitFor();
    expect(await idporten.getAttribute('href')).toBe('/api/auth/oidc/idporten/login');
    expect(
      await page
        .getByRole('link', { name: nb.login.withProvider.replace('{label}', 'Molde kommune (Entra ID)') })
        .getAttribute('href'),
    ).toBe('/api/auth/oidc/entra/login');
    const problems = await axeInEveryLanguage(page, 'login with providers', async (m) => {
      await page.getByRole('heading', { name: m.login.passwordHeading }).waitFor();
    });
    expect(problems, problems).toBe('');
    await page.unroute('**/api/auth/oidc/providers');
  });

  it('when the server has no providers endpoint (404), there are no provider buttons', async () => {
    await page.route('**/api/auth/oidc/providers', (route) =>
      route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"code":"route.not_found"}' }),
    );
    await gotoPage(page, '/logg-inn');
    expect(await page.locator('.login-providers').count()).toBe(0);
    expect(await page.locator('#login-email').isVisible()).toBe(true);
    await page.unroute('**/api/auth/oidc/providers');
  });

  it('no CSP violations or uncaught errors were logged along the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('user administration, the audit log and subject access', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let adminPage: Page;
  let revisor: BrowserContext;
  let revisorPage: Page;
  let adminErrors: string[];
  let revisorErrors: string[];

  const stamp = Date.now();
  const newUser = {
    email: `e2e.bruker.${stamp}@molde.kommune.example`,
    name: `Åse E2E-Brukar ${stamp}`,
    password: 'et langt passord for e2e',
  };
  // A second new user changes their own password (the demo accounts' passwords stay as they are).
  const member = {
    email: `e2e.profil.${stamp}@molde.kommune.example`,
    name: `Per E2E-Profil ${stamp}`,
    password: 'første passord for e2e',
    newPassword: 'andre passord for e2e',
  };
  let userId = '';
  let adminName = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    adminPage = await admin.newPage();
    revisor = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    revisorPage = await revisor.newPage();
    adminErrors = collectConsoleErrors(adminPage);
    revisorErrors = collectConsoleErrors(revisorPage);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the admin opens Brukere from the menu and sees the staff; the page has no violations in any language', async () => {
    await login(adminPage, demoEmail('admin'));
    adminName = (await sessionUser(adminPage)).displayName;
    await adminPage.getByRole('navigation', { name: nb.nav.label }).getByRole('link', { name: nb.nav.users }).click();
    await settle(adminPage);
    expect(await h1(adminPage)).toBe(nb.users.title);
    const revisorRow = adminPage.getByRole('row').filter({ hasText: demoEmail('revisor') });
    expect(await revisorRow.innerText()).toContain(nb.roles.revisor);
    const problems = await axeInEveryLanguage(adminPage, '/brukere', async (m) => {
      expect(await h1(adminPage)).toBe(m.users.title);
      await adminPage.getByRole('heading', { name: m.users.create.heading }).waitFor();
    });
    expect(problems, problems).toBe('');
  });

  it('an empty create form shows every problem at its field and in a summary, accessibly', async () => {
    await adminPage.getByRole('button', { name: nb.users.create.submit }).click();
    await adminPage.getByText(nb.users.validation.rolesRequired).first().waitFor();
    for (const id of ['#create-user-email', '#create-user-name', '#create-user-password']) {
      expect(await adminPage.locator(id).getAttribute('aria-invalid'), id).toBe('true');
    }
    expect(await adminPage.getByText(nb.users.validation.passwordTooShort).count()).toBeGreaterThanOrEqual(1);
    // The summary links to the role group: following it moves focus to the first checkbox.
    await adminPage.locator('ds-error-summary a', { hasText: nb.users.validation.rolesRequired }).click();
    expect(await adminPage.evaluate(() => document.activeElement?.id)).toBe('create-user-roles');
    const report = await axeReport(adminPage, 'create user form with errors');
    expect(report, report).toBe('');
  });

  it('the create-user form can be completed with the keyboard alone', async () => {
    await gotoPage(adminPage, '/brukere');
    await adminPage.locator('#create-user-email').focus();
    await adminPage.keyboard.type(newUser.email);
    await tabTo(adminPage, 'create-user-name');
    await adminPage.keyboard.type(newUser.name);
    await tabTo(adminPage, 'create-user-roles-bosetter');
    await adminPage.keyboard.press('Space');
    await tabTo(adminPage, 'create-user-units');
    await adminPage.keyboard.press('Space');
    await tabTo(adminPage, 'create-user-password');
    await adminPage.keyboard.type(newUser.password);
    await adminPage.keyboard.press('Tab');
    expect(await adminPage.evaluate(() => document.activeElement?.textContent?.trim())).toBe(nb.users.create.submit);
    await adminPage.keyboard.press('Enter');

    const success = adminPage
      .getByRole('status')
      .filter({ hasText: nb.users.create.success.replace('{name}', newUser.name) });
    await success.waitFor();
    const row = adminPage.getByRole('row').filter({ hasText: newUser.email });
    await row.waitFor();
    expect(await row.innerText()).toContain(nb.roles.bosetter);
    expect(await row.innerText()).toContain(nb.users.status.active);
  });

  it('the admin creates a second user with the mouse', async () => {
    await adminPage.fill('#create-user-email', member.email);
    await adminPage.fill('#create-user-name', member.name);
    await adminPage.check('#create-user-roles-leder');
    await adminPage.fill('#create-user-password', member.password);
    await adminPage.getByRole('button', { name: nb.users.create.submit }).click();
    await adminPage
      .getByRole('status')
      .filter({ hasText: nb.users.create.success.replace('{name}', member.name) })
      .waitFor();
  });

  it('the same e-mail address twice is refused at the e-mail field', async () => {
    await adminPage.fill('#create-user-email', newUser.email.toUpperCase());
    await adminPage.fill('#create-user-name', 'Ein annan');
    await adminPage.check('#create-user-roles-leder');
    await adminPage.fill('#create-user-password', newUser.password);
    await adminPage.getByRole('button', { name: nb.users.create.submit }).click();
    await adminPage.getByText(nb.errors['user.email_taken']).first().waitFor();
    expect(await adminPage.locator('#create-user-email').getAttribute('aria-invalid')).toBe('true');
  });

  it('the admin opens the new user: the record, edit form and access; no violations in any language', async () => {
    await gotoPage(adminPage, '/brukere');
    await adminPage.getByRole('link', { name: newUser.name }).click();
    await adminPage.waitForURL(/\/brukere\/[0-9a-f-]{36}$/);
    await settle(adminPage);
    userId = new URL(adminPage.url()).pathname.split('/').at(-1)!;
    expect(await h1(adminPage)).toBe(newUser.name);
    expect(await adminPage.title()).toContain(newUser.name);
    const record = await adminPage.locator('.facts').innerText();
    expect(record).toContain(newUser.email);
    expect(record).toContain(nb.roles.bosetter);
    expect(record).toContain(userId);
    const problems = await axeInEveryLanguage(adminPage, '/brukere/:id', async (m) => {
      await adminPage.getByRole('heading', { name: m.users.detail.editHeading }).waitFor();
    });
    expect(problems, problems).toBe('');
  });

  it('the admin changes the roles; a change made meanwhile elsewhere is a clear conflict, not lost', async () => {
    await adminPage.uncheck('#edit-user-roles-bosetter');
    await adminPage.check('#edit-user-roles-miljoarbeider');
    await adminPage.getByRole('button', { name: nb.users.detail.save }).click();
    await adminPage.getByRole('status').filter({ hasText: nb.users.detail.saved }).waitFor();
    expect(await adminPage.locator('.facts').innerText()).toContain(nb.roles.miljoarbeider);
    expect(await adminPage.locator('.facts').innerText()).not.toContain(nb.roles.bosetter);

    // A second tab still has the old version when the first one saves a new name.
    const otherTab = await admin.newPage();
    const otherTabErrors = collectConsoleErrors(otherTab);
    await gotoPage(otherTab, `/brukere/${userId}`);
    await adminPage.fill('#edit-user-name', `${newUser.name} (endra)`);
    await adminPage.getByRole('button', { name: nb.users.detail.save }).click();
    await adminPage.getByRole('status').filter({ hasText: nb.users.detail.saved }).waitFor();

    await otherTab.check('#edit-user-roles-leder');
    await otherTab.getByRole('button', { name: nb.users.detail.save }).click();
    await otherTab.getByRole('alert').filter({ hasText: nb.users.detail.conflict }).waitFor();
    // The page now shows the record as it is, so the user can make the change again.
    await otherTab.waitForFunction(
      (name) => (document.getElementById('edit-user-name') as HTMLInputElement | null)?.value === name,
      `${newUser.name} (endra)`,
    );
    expect(await otherTab.isChecked('#edit-user-roles-leder')).toBe(false);
    const report = await axeReport(otherTab, 'user page with a conflict');
    expect(report, report).toBe('');
    await otherTab.close();
    expect(otherTabErrors).toEqual([]);
  });

  it('the admin deactivates the user, and focus stays on the button that can undo it', async () => {
    await gotoPage(adminPage, `/brukere/${userId}`);
    await adminPage.getByRole('button', { name: nb.users.detail.deactivate }).click();
    await adminPage.getByRole('status').filter({ hasText: nb.users.detail.deactivated }).waitFor();
    expect(await adminPage.locator('.facts').innerText()).toContain(nb.users.status.inactive);
    const reactivate = adminPage.getByRole('button', { name: nb.users.detail.reactivate });
    await reactivate.waitFor();
    expect(await adminPage.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      nb.users.detail.reactivate,
    );

    await gotoPage(adminPage, '/brukere');
    expect(await adminPage.getByRole('row').filter({ hasText: newUser.email }).innerText()).toContain(
      nb.users.status.inactive,
    );
  });

  it('the admin cannot deactivate themself: no button on their own page', async () => {
    const me = await sessionUser(adminPage);
    await gotoPage(adminPage, `/brukere/${me.id}`);
    expect(await h1(adminPage)).toBe(me.displayName);
    expect(await adminPage.getByRole('button', { name: nb.users.detail.deactivate }).count()).toBe(0);
  });

  it('the user menu holds the profile and logging out; it opens and closes with the keyboard', async () => {
    await gotoPage(adminPage, '/');
    const trigger = adminPage.getByRole('button', { name: nb.layout.userMenu.replace('{name}', adminName) });
    expect(await trigger.innerText()).toBe(adminName);
    await trigger.focus();
    await adminPage.keyboard.press('Enter');
    const profileLink = adminPage.getByRole('link', { name: nb.layout.profile });
    await profileLink.waitFor();
    const report = await axeReport(adminPage, 'open user menu');
    expect(report, report).toBe('');
    await adminPage.keyboard.press('Escape');
    await profileLink.waitFor({ state: 'hidden' });
    expect(await adminPage.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      nb.layout.userMenu.replace('{name}', adminName),
    );

    await trigger.click();
    await profileLink.click();
    await adminPage.waitForURL(`${baseUrl}/profil`);
    await settle(adminPage);
    expect(await h1(adminPage)).toBe(nb.profile.title);
    await profileLink.waitFor({ state: 'hidden' });
  });

  it('Min profil: problems with a password change are shown at the fields; no violations in any language', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    try {
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      await login(page, member.email, member.password);
      await gotoPage(page, '/profil');
      const facts = await page.locator('.facts').innerText();
      expect(facts).toContain(member.name);
      expect(facts).toContain(nb.roles.leder);

      await page.fill('#profile-current-password', 'ikke passordet mitt');
      await page.fill('#profile-new-password', 'kort');
      await page.getByRole('button', { name: nb.profile.password.submit }).click();
      await page.getByText(nb.profile.password.newTooShort).first().waitFor();

      await page.fill('#profile-new-password', member.newPassword);
      await page.fill('#profile-repeat-password', 'et annet langt passord');
      await page.getByRole('button', { name: nb.profile.password.submit }).click();
      await page.getByText(nb.profile.password.repeatMismatch).first().waitFor();
      expect(await page.locator('#profile-repeat-password').getAttribute('aria-invalid')).toBe('true');

      await page.fill('#profile-repeat-password', member.newPassword);
      await page.getByRole('button', { name: nb.profile.password.submit }).click();
      await page.getByText(nb.errors['user.password_wrong']).first().waitFor();
      expect(await page.locator('#profile-current-password').getAttribute('aria-invalid')).toBe('true');

      const problems = await axeInEveryLanguage(page, '/profil with errors', async (m) => {
        expect(await h1(page)).toBe(m.profile.title);
      });
      expect(problems, problems).toBe('');

      await page.fill('#profile-current-password', member.password);
      await page.getByRole('button', { name: nb.profile.password.submit }).click();
      await page.getByRole('status').filter({ hasText: nb.profile.password.success }).waitFor();
      expect(await page.inputValue('#profile-current-password')).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('after the change, the new password logs in and the old one does not', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    try {
      const page = await context.newPage();
      await gotoPage(page, '/logg-inn');
      await page.fill('#login-email', member.email);
      await page.fill('#login-password', member.password);
      await page.press('#login-password', 'Enter');
      await page.getByRole('alert').filter({ hasText: nb.errors['auth.invalid_credentials'] }).waitFor();
      await login(page, member.email, member.newPassword);
      expect(await h1(page)).toBe(nb.overview.title);
    } finally {
      await context.close();
    }
  });

  it('the admin makes an insight report by choosing the staff member from a list', async () => {
    await gotoPage(adminPage, '/innsyn');
    expect(await adminPage.locator('#insight-subject').evaluate((el) => el.tagName)).toBe('SELECT');
    await adminPage.selectOption('#insight-subject', userId);
    await adminPage.getByRole('button', { name: nb.insight.submit }).click();
    await adminPage
      .getByRole('heading', { name: nb.insight.reportHeading.replace('{name}', `${newUser.name} (endra)`) })
      .waitFor();
    expect(new URL(adminPage.url()).searchParams.get('subjectId')).toBe(userId);
  });

  it('the auditor searches the log by the user and sees the admin’s display of the record', async () => {
    await login(revisorPage, demoEmail('revisor'));
    await gotoPage(revisorPage, '/hendelseslogg');
    // The auditor may not list staff, so a user is given by id.
    expect(await revisorPage.locator('#audit-user').evaluate((el) => el.tagName)).toBe('INPUT');
    await revisorPage.fill('#audit-subject-id', userId);
    await revisorPage.getByRole('button', { name: nb.auditLog.submit, exact: true }).click();
    await revisorPage.waitForURL((url) => url.searchParams.get('subjectId') === userId);
    await settle(revisorPage);

    const displays = revisorPage
      .getByRole('row')
      .filter({ hasText: nb.auditActions.display })
      .filter({ hasText: adminName });
    await displays.first().waitFor();
    const text = await displays.first().innerText();
    expect(text).toContain(nb.roles.admin);
    expect(text).toContain(nb.purposes.user_administration);
    expect(text).toContain(userId);
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
    for (const action of ['create', 'update', 'deactivate'] as const) {
      expect(
        await revisorPage.getByRole('row').filter({ hasText: nb.auditActions[action] }).count(),
        action,
      ).toBeGreaterThan(0);
    }

    // Narrowing to one action keeps the subject.
    await revisorPage.selectOption('#audit-action', 'deactivate');
    await revisorPage.getByRole('button', { name: nb.auditLog.submit, exact: true }).click();
    await revisorPage.waitForURL((url) => url.searchParams.get('action') === 'deactivate');
    await settle(revisorPage);
    // One deactivation of this user: the count is in the singular.
    await revisorPage.getByText(nb.auditLog.resultCountOne).waitFor();
  });

  it('the auditor exports the same search as CSV', async () => {
    const link = revisorPage.getByRole('link', { name: nb.auditLog.export });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/audit/export.csv?subjectId=${userId}&action=deactivate`);
    const response = await revisorPage.request.get(baseUrl + href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    expect(await response.text()).toContain(userId);
  });

  it('a search with an id that is not a UUID is refused at the field, before anything is sent', async () => {
    await gotoPage(revisorPage, '/hendelseslogg');
    await revisorPage.fill('#audit-subject-id', 'Kari Nordmann');
    await revisorPage.getByRole('button', { name: nb.auditLog.submit, exact: true }).click();
    await revisorPage.getByText(nb.auditLog.idInvalid).first().waitFor();
    expect(await revisorPage.locator('#audit-subject-id').getAttribute('aria-invalid')).toBe('true');
    const report = await axeReport(revisorPage, 'audit search with an error');
    expect(report, report).toBe('');
  });

  it('the audit log with results has no WCAG 2.1 AA violations in any language', async () => {
    await gotoPage(revisorPage, `/hendelseslogg?subjectId=${userId}`);
    const problems = await axeInEveryLanguage(revisorPage, '/hendelseslogg with results', async (m) => {
      expect(await h1(revisorPage)).toBe(m.auditLog.title);
      await revisorPage.getByRole('columnheader', { name: m.auditLog.table.purpose }).waitFor();
      await revisorPage.getByRole('cell', { name: m.auditActions.display }).first().waitFor();
    });
    expect(problems, problems).toBe('');
  });

  it('the whole log pages through the results', async () => {
    await gotoPage(revisorPage, '/hendelseslogg');
    const pagination = revisorPage.getByRole('navigation', { name: nb.auditLog.pagination });
    if ((await pagination.count()) === 0) return; // fewer than one page of entries so far
    await pagination.getByRole('button', { name: nb.auditLog.page.replace('{page}', '2') }).click();
    await revisorPage.waitForURL((url) => url.searchParams.get('page') === '2');
    await settle(revisorPage);
    expect(await pagination.locator('[aria-current="true"]').innerText()).toBe('2');
  });

  it('the auditor makes an insight report for the user: entries, no employee names, PDFs in nb and nn', async () => {
    await gotoPage(revisorPage, '/innsyn');
    expect(await revisorPage.locator('#insight-subject').evaluate((el) => el.tagName)).toBe('INPUT');
    await revisorPage.fill('#insight-subject', userId);
    await revisorPage.getByRole('button', { name: nb.insight.submit }).click();
    const heading = revisorPage.getByRole('heading', {
      name: nb.insight.reportHeading.replace('{name}', `${newUser.name} (endra)`),
    });
    await heading.waitFor();
    await settle(revisorPage);

    const rows = revisorPage.locator('#main-content table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    expect(await revisorPage.getByRole('cell', { name: nb.auditActions.display }).count()).toBeGreaterThan(0);
    expect(await revisorPage.getByRole('cell', { name: nb.purposes.user_administration }).count()).toBeGreaterThan(0);
    // CJEU C-579/21: dates and purposes, not the names of employees (the municipality's default).
    expect(await revisorPage.getByText(nb.insight.namesNote).count()).toBe(1);
    expect(await revisorPage.getByRole('columnheader', { name: nb.insight.table.employee }).count()).toBe(0);
    expect(await revisorPage.locator('#main-content table').innerText()).not.toContain(adminName);

    for (const [lang, label] of [
      ['nb', nb.insight.pdfNb],
      ['nn', nb.insight.pdfNn],
    ] as const) {
      const href = await revisorPage.getByRole('link', { name: label }).getAttribute('href');
      expect(href).toMatch(
        new RegExp(
          `^/api/insight/staff_user/${userId}/pdf\\?from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}&lang=${lang}$`,
        ),
      );
      const response = await revisorPage.request.get(baseUrl + href);
      expect(response.status(), lang).toBe(200);
      expect(response.headers()['content-type'], lang).toContain('application/pdf');
    }
  });

  it('the insight report has no WCAG 2.1 AA violations in any language', async () => {
    const problems = await axeInEveryLanguage(revisorPage, '/innsyn with a report', async (m) => {
      expect(await h1(revisorPage)).toBe(m.insight.title);
      await revisorPage
        .getByRole('heading', { name: m.insight.reportHeading.replace('{name}', `${newUser.name} (endra)`) })
        .waitFor();
    });
    expect(problems, problems).toBe('');
  });

  it('no CSP violations or uncaught errors were logged along the way', () => {
    expect(adminErrors).toEqual([]);
    expect(revisorErrors).toEqual([]);
  });
});
