import {
  Dropdown,
  Field,
  Label,
  Link,
  Paragraph,
  Select,
  SkipLink,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { Link as RoutingLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { NavigationLink } from '../components/RouterLink';
import { isApiError } from './api-client';
import { SessionLoading, TechnicalErrorAlert } from './errors';
import { useI18n } from './i18n';
import { LanguageSelect } from './LanguageSelect';
import { loginPath, profilePath, visibleNavigation } from './navigation';
import { SessionProvider, useLogout, useSession, useSessionQuery, useSwitchUnit } from './session';

/**
 * Moves focus to the new page's h1 after client-side navigation, so screen readers announce the
 * new page. Not on the first load (the skip link stays the first Tab stop), except when the
 * navigation asks for it (after login the form that had focus is gone).
 */
function useFocusOnNavigation() {
  const { pathname, search, state } = useLocation();
  const navigate = useNavigate();
  const requested = (state as { moveFocus?: unknown } | null)?.moveFocus === true;
  const previous = useRef(requested ? null : pathname);
  useEffect(() => {
    if (requested) {
      // Consume the request, so that reloading the page does not move focus again.
      void navigate(pathname + search, { replace: true, state: null });
    }
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = document.querySelector<HTMLElement>('#main-content h1') ?? document.getElementById('main-content');
    target?.focus();
  }, [pathname, search, requested, navigate]);
}

function SkipToMain() {
  const { t } = useI18n();
  return <SkipLink href="#main-content">{t('layout.skipLink')}</SkipLink>;
}

function Brand() {
  const { t } = useI18n();
  return (
    <Link asChild data-color="neutral" className="app-brand">
      <RoutingLink to="/">{t('app.name')}</RoutingLink>
    </Link>
  );
}

/** The page frame before login: brand, language choice, and the page. */
export function PublicLayout() {
  useFocusOnNavigation();
  return (
    <>
      <SkipToMain />
      <header className="app-header">
        <div className="app-header__bar">
          <Brand />
          <div className="app-header__tools">
            <LanguageSelect />
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="page-main">
        <Outlet />
      </main>
    </>
  );
}

/** Guards the signed-in part of the app: no session → the login page, then back here. */
export function SignedInLayout() {
  const session = useSessionQuery();
  const location = useLocation();
  const { t, setDefaultLang } = useI18n();
  const municipalityLanguage = session.data?.municipality.language;

  // Until the user picks a language, follow the municipality's administrative language.
  useEffect(() => {
    if (municipalityLanguage) setDefaultLang(municipalityLanguage);
  }, [municipalityLanguage, setDefaultLang]);

  if (session.isPending) return <SessionLoading />;
  if (session.isError) {
    return (
      <main id="main-content" className="page-main">
        <PageHeading>{t('app.name')}</PageHeading>
        <TechnicalErrorAlert error={session.error} />
      </main>
    );
  }
  if (!session.data) {
    return <Navigate to={loginPath} replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <SessionProvider value={session.data}>
      <SignedInShell />
    </SessionProvider>
  );
}

function UnitSwitcher() {
  const session = useSession();
  const switchUnit = useSwitchUnit();
  const { t, errorText } = useI18n();
  if (session.units.length === 0) {
    return <Paragraph data-size="sm">{t('layout.noUnit')}</Paragraph>;
  }
  return (
    <Field data-size="sm" className="header-field">
      <Label htmlFor="active-unit-select">{t('layout.activeUnit')}</Label>
      <Select
        id="active-unit-select"
        width="auto"
        value={session.activeUnitId ?? ''}
        disabled={switchUnit.isPending}
        aria-invalid={switchUnit.isError ? true : undefined}
        onChange={(event) => {
          if (event.target.value) switchUnit.mutate(event.target.value);
        }}
      >
        {session.activeUnitId === null ? (
          <Select.Option value="" disabled>
            {t('layout.noUnit')}
          </Select.Option>
        ) : null}
        {session.units.map((unit) => (
          <Select.Option key={unit.id} value={unit.id}>
            {unit.name}
          </Select.Option>
        ))}
      </Select>
      {switchUnit.isError && isApiError(switchUnit.error) && switchUnit.error.kind !== 'auth' ? (
        <ValidationMessage>
          {t('layout.switchUnitFailed')} {errorText(switchUnit.error.code)}
        </ValidationMessage>
      ) : null}
    </Field>
  );
}

/**
 * The user's name opens a menu with their profile and logging out (designsystemet Dropdown: a
 * native popover, closed with Escape or a click outside, next in the tab order after the button).
 */
function UserMenu() {
  const session = useSession();
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const name = session.user.displayName;

  return (
    <Dropdown.TriggerContext>
      {/* The accessible name starts with the visible name (WCAG 2.5.3). */}
      <Dropdown.Trigger variant="secondary" data-size="sm" aria-label={t('layout.userMenu', { name })}>
        {name}
      </Dropdown.Trigger>
      <Dropdown open={open} onOpen={() => setOpen(true)} onClose={() => setOpen(false)} data-size="sm">
        <div className="user-menu__who">
          <Paragraph data-size="sm">{t('layout.signedInAs', { name })}</Paragraph>
          <Paragraph data-size="xs">{session.user.email}</Paragraph>
        </div>
        <Dropdown.List>
          <Dropdown.Item>
            <Dropdown.Button asChild>
              <RoutingLink to={profilePath} onClick={() => setOpen(false)}>
                {t('layout.profile')}
              </RoutingLink>
            </Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate(loginPath, { replace: true }) })}
            >
              {logout.isPending ? t('layout.loggingOut') : t('layout.logout')}
            </Dropdown.Button>
          </Dropdown.Item>
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}

function SignedInShell() {
  const session = useSession();
  const { t } = useI18n();
  useFocusOnNavigation();

  return (
    <>
      <SkipToMain />
      <header className="app-header">
        <div className="app-header__bar">
          <div className="app-header__identity">
            <Brand />
            <span className="app-header__municipality">
              {t('layout.municipality', {
                name: session.municipality.name,
                kommunenummer: session.municipality.kommunenummer,
              })}
            </span>
          </div>
          <div className="app-header__tools">
            <UnitSwitcher />
            <LanguageSelect />
            <UserMenu />
          </div>
        </div>
      </header>
      <nav aria-label={t('nav.label')} className="app-nav">
        <ul className="app-nav__list">
          {visibleNavigation(session.permissions).map((item) => (
            <li key={item.path}>
              <NavigationLink to={item.path} end={item.end}>
                {t(item.label)}
              </NavigationLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main-content" tabIndex={-1} className="page-main">
        <Outlet />
      </main>
    </>
  );
}
