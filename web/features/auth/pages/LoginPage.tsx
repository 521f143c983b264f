import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
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
import { useLogin } from '../auth.api';

const fieldIds = { email: 'login-email', password: 'login-password' } as const;
type LoginField = keyof typeof fieldIds;

export function LoginPage() {
  const { t, errorText } = useI18n();
  usePageTitle(t('login.title'));
  const session = useSessionQuery();
  const location = useLocation();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>({});
  const [attempt, setAttempt] = useState(0);

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
