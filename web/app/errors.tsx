import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
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

/**
 * The part of a page that waits for data: loading until it comes, then the failure (as
 * RequestFailure) or the content. `data` stays undefined until everything the content needs is
 * there; `error` is the first failure among it.
 */
export function QueryContent<T>({
  error,
  data,
  headingLevel = 2,
  children,
}: {
  error: unknown;
  data: T | undefined;
  headingLevel?: 2 | 3 | 4;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (error) return <RequestFailure error={error} headingLevel={headingLevel} />;
  if (data === undefined) return <Loading label={t('common.loading')} />;
  return children(data);
}

/**
 * Why a submit failed, shown at the form: a technical failure as an alert with the request id, a
 * refusal as a message saying what happened — unless `explained`, when the fields (or the page)
 * already say it. 401 shows nothing: the user is on the way back to login.
 */
export function SubmitFailure({
  error,
  explained = false,
  headingLevel = 3,
}: {
  error: unknown;
  explained?: boolean;
  headingLevel?: 2 | 3 | 4;
}) {
  const { errorText, t } = useI18n();
  if (!error) return null;
  if (!isApiError(error) || error.kind === 'technical') {
    return <TechnicalErrorAlert error={error} headingLevel={headingLevel} />;
  }
  if (error.kind === 'auth' || explained) return null;
  return (
    <Alert data-color="danger" role="alert" className="notice">
      <Paragraph>{errorText(error.code)}</Paragraph>
      {error.conflict && <Paragraph>{t('common.conflictWith', { reference: error.conflict.reference })}</Paragraph>}
    </Alert>
  );
}

/** True when someone else saved the record first (409 resource.version_conflict). */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'resource.version_conflict';
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
  return (
    <MessagePage
      title={t('errorPages.noAccess.title')}
      body={t('errorPages.noAccess.body')}
      back={t('errorPages.noAccess.back')}
    />
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <MessagePage
      title={t('errorPages.notFound.title')}
      body={t('errorPages.notFound.body')}
      back={t('errorPages.notFound.back')}
    />
  );
}

/** A page that only says what happened, with a way back to the front page. */
function MessagePage({ title, body, back }: { title: string; body: string; back: string }) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{body}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{back}</RouterLink>
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
