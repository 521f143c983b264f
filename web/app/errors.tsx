import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { RouterLink } from '../components/RouterLink';
import { isApiError } from './api-client';
import { useI18n, usePageTitle } from './i18n';

/**
 * A technical failure (5xx, no answer, an answer we cannot read): the user cannot fix it, so say
 * so plainly and give the request id that lets support find the log lines.
 */
export function TechnicalErrorAlert({ error, headingLevel = 2 }: { error: unknown; headingLevel?: 2 | 3 | 4 }) {
  const { t, errorText } = useI18n();
  const apiError = isApiError(error) ? error : undefined;
  const requestId = apiError?.requestId;
  const detail = apiError?.code === 'client.network' ? errorText('client.network') : t('errorPages.technical.body');
  return (
    <Alert data-color="danger" role="alert" className="notice">
      <Heading level={headingLevel} data-size="xs">
        {t('errorPages.technical.title')}
      </Heading>
      <Paragraph>{detail}</Paragraph>
      {requestId ? (
        <Paragraph>
          {t('errorPages.technical.reference', { requestId })} {t('errorPages.technical.referenceHelp')}
        </Paragraph>
      ) : null}
    </Alert>
  );
}

/**
 * How a failed request is shown inside a page: technical failures as an alert with the request
 * id; functional errors and a forbidden action as a message saying what happened. 401 shows
 * nothing here — the user is on the way back to the login page.
 */
export function RequestFailure({ error, headingLevel = 2 }: { error: unknown; headingLevel?: 2 | 3 | 4 }) {
  const { errorText } = useI18n();
  if (!isApiError(error) || error.kind === 'technical') {
    return <TechnicalErrorAlert error={error} headingLevel={headingLevel} />;
  }
  if (error.kind === 'auth') return null;
  return (
    <Alert data-color="warning" role="alert" className="notice">
      <Paragraph>{errorText(error.code)}</Paragraph>
    </Alert>
  );
}

/** True when a page's data was refused with 403 auth.forbidden: show the no-access page. */
export function isNoAccess(error: unknown): boolean {
  return isApiError(error) && error.kind === 'no_access';
}

/** True while the 401 handling takes the user back to login; render nothing meanwhile. */
export function isSessionLost(error: unknown): boolean {
  return isApiError(error) && error.kind === 'auth';
}

export function NoAccessPage() {
  const { t } = useI18n();
  usePageTitle(t('errorPages.noAccess.title'));
  return (
    <>
      <PageHeading>{t('errorPages.noAccess.title')}</PageHeading>
      <Paragraph>{t('errorPages.noAccess.body')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('errorPages.noAccess.back')}</RouterLink>
      </Paragraph>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('errorPages.notFound.title'));
  return (
    <>
      <PageHeading>{t('errorPages.notFound.title')}</PageHeading>
      <Paragraph>{t('errorPages.notFound.body')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('errorPages.notFound.back')}</RouterLink>
      </Paragraph>
    </>
  );
}

/** While the session is being checked. */
export function SessionLoading() {
  const { t } = useI18n();
  return (
    <main id="main-content" className="page-main">
      <Loading label={t('common.loading')} />
    </main>
  );
}

/** A page that crashed while rendering (a bug): say so, without details, and offer a way on. */
export function RouteErrorPage() {
  const { t } = useI18n();
  usePageTitle(t('errorPages.technical.title'));
  return (
    <main id="main-content" className="page-main">
      <PageHeading>{t('errorPages.technical.title')}</PageHeading>
      <Paragraph>{t('errorPages.technical.body')}</Paragraph>
      <Paragraph>
        <Link href="/">{t('errorPages.notFound.back')}</Link>
      </Paragraph>
    </main>
  );
}
