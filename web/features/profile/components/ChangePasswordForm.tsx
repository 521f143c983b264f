import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { changePasswordRequest } from '../../../../shared/api/users';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { isApiError } from '../../../app/api-client';
import { TechnicalErrorAlert } from '../../../app/errors';
import { fieldCodesFromProblem, fieldCodesFromZod, type FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useChangePassword } from '../profile.api';

const fieldIds = {
  currentPassword: 'profile-current-password',
  newPassword: 'profile-new-password',
  repeatPassword: 'profile-repeat-password',
} as const;
type PasswordField = keyof typeof fieldIds;
const isPasswordField = (field: string): field is PasswordField => Object.hasOwn(fieldIds, field);

/** Change one's own password: the current one, the new one twice (the repeat is checked here only). */
export function ChangePasswordForm() {
  const { t, errorText } = useI18n();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeatPassword, setRepeatPassword] = useState('');
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>({});
  const [attempt, setAttempt] = useState(0);
  const [changed, setChanged] = useState(false);

  const fieldMessage = (field: PasswordField): string | undefined => {
    const code = fieldCodes[field];
    if (!code) return undefined;
    if (field === 'currentPassword' && (code === 'too_small' || code === 'required')) {
      return t('profile.password.currentRequired');
    }
    if (field === 'newPassword' && (code === 'user.password_too_weak' || code === 'too_small')) {
      return t('profile.password.newTooShort');
    }
    if (field === 'repeatPassword' && code === 'mismatch') return t('profile.password.repeatMismatch');
    return errorText(code);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    setAttempt((n) => n + 1);
    setChanged(false);
    change.reset();
    const parsed = changePasswordRequest.safeParse({ currentPassword, newPassword });
    const codes = parsed.success ? {} : fieldCodesFromZod(parsed.error);
    if (!codes['newPassword'] && repeatPassword !== newPassword) codes['repeatPassword'] = 'mismatch';
    setFieldCodes(codes);
    if (!parsed.success || Object.keys(codes).length > 0) return;
    change.mutate(parsed.data, {
      onSuccess: () => {
        setChanged(true);
        setCurrentPassword('');
        setNewPassword('');
        setRepeatPassword('');
      },
      onError: (error) => {
        if (!isApiError(error) || error.kind !== 'functional') return;
        const problemCodes = fieldCodesFromProblem(error.errors);
        if (error.code === 'user.password_wrong' && !problemCodes['currentPassword']) {
          problemCodes['currentPassword'] = error.code;
        }
        if (error.code === 'user.password_too_weak' && !problemCodes['newPassword']) {
          problemCodes['newPassword'] = error.code;
        }
        setFieldCodes(problemCodes);
      },
    });
  };

  const summaryItems = (Object.keys(fieldIds) as PasswordField[]).flatMap((field) => {
    const message = fieldMessage(field);
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });

  const error = change.error;
  const hasFieldExplanation = Object.keys(fieldCodes).some(isPasswordField);
  let formError = null;
  if (error && (!isApiError(error) || error.kind === 'technical')) {
    formError = <TechnicalErrorAlert error={error} headingLevel={3} />;
  } else if (isApiError(error) && error.kind !== 'auth' && !hasFieldExplanation) {
    formError = (
      <Alert data-color="danger" role="alert" className="notice">
        <Paragraph>{errorText(error.code)}</Paragraph>
      </Alert>
    );
  }

  return (
    <section aria-labelledby="change-password-heading" className="section">
      <Heading level={2} data-size="sm" id="change-password-heading">
        {t('profile.password.heading')}
      </Heading>
      <Paragraph className="lead">{t('profile.password.intro')}</Paragraph>
      {changed ? (
        <Alert data-color="success" role="status" className="notice">
          <Paragraph>{t('profile.password.success')}</Paragraph>
        </Alert>
      ) : null}
      {formError}
      <FormErrorSummary
        key={attempt}
        heading={t('profile.password.errorSummaryHeading')}
        headingLevel={3}
        items={summaryItems}
      />
      <form noValidate onSubmit={onSubmit} className="form-stack narrow">
        <Textfield
          id={fieldIds.currentPassword}
          label={t('profile.password.current')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={fieldMessage('currentPassword')}
        />
        <Textfield
          id={fieldIds.newPassword}
          label={t('profile.password.new')}
          description={t('profile.password.newDescription')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={fieldMessage('newPassword')}
        />
        <Textfield
          id={fieldIds.repeatPassword}
          label={t('profile.password.repeat')}
          type="password"
          name="repeatPassword"
          autoComplete="new-password"
          required
          value={repeatPassword}
          onChange={(event) => setRepeatPassword(event.target.value)}
          error={fieldMessage('repeatPassword')}
        />
        <div>
          <Button type="submit" loading={change.isPending}>
            {change.isPending ? t('profile.password.submitting') : t('profile.password.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
