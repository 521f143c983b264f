import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { loginRequest } from '../../../../shared/api/session';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { isApiError } from '../../../app/api-client';
import { TechnicalErrorAlert } from '../../../app/errors';
import { fieldCodesFromProblem, fieldCodesFromZod, type FieldCodes } from '../../../app/form-errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { safeReturnPath } from '../../../app/navigation';
import { useSessionQuery } from '../../../app/session';
import { hasErrorMessage } from '../../../../shared/i18n';
import { oidcLoginHref, useLogin, useOidcProviders } from '../auth.api';

const fieldIds = { email: 'login-email', password: 'login-password' } as const;
type LoginField = keyof typeof fieldIds;

/**
 * A failed OpenID login comes back as `/logg-inn?feil=<code>`. Only login codes are shown as
 * such; anything else in the URL is shown as a failed login, never echoed.
 */
function loginFailureCode(value: string | null): string | null {
  if (value === null) return null;
  return value.startsWith('auth.') && hasErrorMessage(value) ? value : 'auth.oidc_failed';
}

export function LoginPage() {
  const { t, errorText } = useI18n();
  usePageTitle(t('login.title'));
  const session = useSessionQuery();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const loginMutation = useLogin();
  const providers = useOidcProviders();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>({});
  const [attempt, setAttempt] = useState(0);

  const failureCode = loginFailureCode(searchParams.get('feil'));
  const providerList = providers.data ?? [];
  const returnTo = safeReturnPath((location.state as { from?: unknown } | null)?.from);

  if (session.isPending) return <Loading label={t('common.loading')} />;
  // Signed in (now, or already): go where the user was heading. After a login the form that had
  // focus disappears, so ask the layout to move focus to the new page's heading.
  if (session.data && !loginMutation.isPending) {
    return <Navigate to={returnTo} replace state={{ moveFocus: loginMutation.isSuccess }} />;
  }

  const fieldMessage = (field: LoginField): string | undefined => {
    const code = fieldCodes[field];
    if (!code) return undefined;
    if (code === 'required') return field === 'email' ? t('login.emailRequired') : t('login.passwordRequired');
    return errorText(code);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loginMutation.isPending) return;
    setAttempt((n) => n + 1);
    const parsed = loginRequest.safeParse({ email, password });
    if (!parsed.success) {
      const codes = fieldCodesFromZod(parsed.error);
      if (codes['email'] && email.trim() === '') codes['email'] = 'required';
      if (codes['password'] && password === '') codes['password'] = 'required';
      setFieldCodes(codes);
      return;
    }
    setFieldCodes({});
    loginMutation.mutate(parsed.data, {
      onError: (error) => {
        if (isApiError(error) && error.kind === 'functional') setFieldCodes(fieldCodesFromProblem(error.errors));
      },
    });
  };

  const summaryItems = (Object.keys(fieldIds) as LoginField[]).flatMap((field) => {
    const message = fieldMessage(field);
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });

  // Wrong password, locked account: a problem with the attempt as a whole, shown at the form.
  const formError = loginMutation.error;
  const formErrorView =
    formError === null ? null : isApiError(formError) && formError.kind !== 'technical' ? (
      <Alert data-color="danger" role="alert" className="notice">
        <Paragraph>{errorText(formError.code)}</Paragraph>
      </Alert>
    ) : (
      <TechnicalErrorAlert error={formError} />
    );

  return (
    <div className="narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      {failureCode !== null && attempt === 0 ? (
        <Alert data-color="danger" role="alert" className="notice">
          <Paragraph>{errorText(failureCode)}</Paragraph>
        </Alert>
      ) : null}
      {providerList.length > 0 ? (
        <>
          <ul className="login-providers" aria-label={t('login.providersLabel')}>
            {providerList.map((provider) => (
              <li key={provider.id}>
                {/* A plain link: the login leaves for the provider and comes back to the server. */}
                <Button asChild variant="secondary">
                  <a href={oidcLoginHref(provider.id)}>{t('login.withProvider', { label: provider.label })}</a>
                </Button>
              </li>
            ))}
          </ul>
          <Heading level={2} data-size="xs">
            {t('login.passwordHeading')}
          </Heading>
        </>
      ) : null}
      <Paragraph>{t('login.intro')}</Paragraph>
      {formErrorView}
      <FormErrorSummary key={attempt} heading={t('login.errorSummaryHeading')} items={summaryItems} />
      <form noValidate onSubmit={onSubmit} className="form-stack">
        <Textfield
          id={fieldIds.email}
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldMessage('email')}
        />
        <Textfield
          id={fieldIds.password}
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldMessage('password')}
        />
        <div>
          <Button type="submit" loading={loginMutation.isPending}>
            {loginMutation.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
