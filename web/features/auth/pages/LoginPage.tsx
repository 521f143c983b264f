import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { loginRequest } from '../../../../shared/api/session';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { SubmitButton } from '../../../components/SubmitButton';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { isApiError } from '../../../app/api-client';
import { TechnicalErrorAlert } from '../../../app/errors';
import { fieldCodesFromZod } from '../../../app/form-errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { safeReturnPath } from '../../../app/navigation';
import { useSessionQuery } from '../../../app/session';
import { useForm } from '../../../app/use-form';
import { hasErrorMessage } from '../../../../shared/i18n';
import { oidcLoginHref, useLogin, useOidcProviders } from '../auth.api';

const fieldIds = { email: 'login-email', password: 'login-password' } as const;

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
  const form = useForm({
    initial: { email: '', password: '' },
    fieldIds,
    message: (field, code) => {
      if (code === 'required') return field === 'email' ? t('login.emailRequired') : t('login.passwordRequired');
      return errorText(code);
    },
  });

  const failureCode = loginFailureCode(searchParams.get('feil'));
  const providerList = providers.data ?? [];
  const returnTo = safeReturnPath((location.state as { from?: unknown } | null)?.from);

  if (session.isPending) return <Loading label={t('common.loading')} />;
  // Signed in (now, or already): go where the user was heading. After a login the form that had
  // focus disappears, so ask the layout to move focus to the new page's heading.
  if (session.data && !loginMutation.isPending) {
    return <Navigate to={returnTo} replace state={{ moveFocus: loginMutation.isSuccess }} />;
  }

  const submit = () => {
    const { email, password } = form.values;
    const parsed = loginRequest.safeParse({ email, password });
    if (!parsed.success) {
      const codes = fieldCodesFromZod(parsed.error);
      if (codes['email'] && email.trim() === '') codes['email'] = 'required';
      if (codes['password'] && password === '') codes['password'] = 'required';
      form.setFieldCodes(codes);
      return;
    }
    form.setFieldCodes({});
    loginMutation.mutate(parsed.data, { onError: form.showRefusal });
  };

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
      {failureCode !== null && form.attempt === 0 ? (
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
      <FormErrorSummary {...form.summary} heading={t('login.errorSummaryHeading')} />
      <form noValidate onSubmit={form.submitHandler(submit, loginMutation.isPending)} className="form-stack">
        <Textfield {...form.field('email')} label={t('login.email')} type="email" autoComplete="username" required />
        <Textfield
          {...form.field('password')}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton
          pending={loginMutation.isPending}
          label={t('login.submit')}
          pendingLabel={t('login.submitting')}
        />
      </form>
    </div>
  );
}
