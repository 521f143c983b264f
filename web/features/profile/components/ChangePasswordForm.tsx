import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { changePasswordRequest } from '../../../../shared/api/users';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { SubmitButton } from '../../../components/SubmitButton';
import { SubmitFailure } from '../../../app/errors';
import { fieldCodesFromZod } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { useChangePassword } from '../profile.api';
import { SuccessNotice } from '../../../components/SuccessNotice';

const fieldIds = {
  currentPassword: 'profile-current-password',
  newPassword: 'profile-new-password',
  repeatPassword: 'profile-repeat-password',
} as const;

/** Change one's own password: the current one, the new one twice (the repeat is checked here only). */
export function ChangePasswordForm() {
  const { t, errorText } = useI18n();
  const change = useChangePassword();
  const [changed, setChanged] = useState(false);
  const form = useForm({
    initial: { currentPassword: '', newPassword: '', repeatPassword: '' },
    fieldIds,
    refusalFields: { 'user.password_wrong': 'currentPassword', 'user.password_too_weak': 'newPassword' },
    message: (field, code) => {
      if (field === 'currentPassword' && (code === 'too_small' || code === 'required')) {
        return t('profile.password.currentRequired');
      }
      if (field === 'newPassword' && (code === 'user.password_too_weak' || code === 'too_small')) {
        return t('profile.password.newTooShort');
      }
      if (field === 'repeatPassword' && code === 'mismatch') return t('profile.password.repeatMismatch');
      return errorText(code);
    },
  });

  const submit = () => {
    setChanged(false);
    change.reset();
    const { currentPassword, newPassword, repeatPassword } = form.values;
    const parsed = changePasswordRequest.safeParse({ currentPassword, newPassword });
    const codes = parsed.success ? {} : fieldCodesFromZod(parsed.error);
    if (!codes['newPassword'] && repeatPassword !== newPassword) codes['repeatPassword'] = 'mismatch';
    form.setFieldCodes(codes);
    if (!parsed.success || Object.keys(codes).length > 0) return;
    change.mutate(parsed.data, {
      onSuccess: () => {
        setChanged(true);
        form.reset();
      },
      onError: form.showRefusal,
    });
  };

  return (
    <PageSection headingId="change-password-heading" heading={t('profile.password.heading')}>
      <Paragraph className="lead">{t('profile.password.intro')}</Paragraph>
      {changed ? <SuccessNotice>{t('profile.password.success')}</SuccessNotice> : null}
      <SubmitFailure error={change.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('profile.password.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, change.isPending)} className="form-stack narrow">
        <Textfield
          {...form.field('currentPassword')}
          label={t('profile.password.current')}
          type="password"
          autoComplete="current-password"
          required
        />
        <Textfield
          {...form.field('newPassword')}
          label={t('profile.password.new')}
          description={t('profile.password.newDescription')}
          type="password"
          autoComplete="new-password"
          required
        />
        <Textfield
          {...form.field('repeatPassword')}
          label={t('profile.password.repeat')}
          type="password"
          autoComplete="new-password"
          required
        />
        <SubmitButton
          pending={change.isPending}
          label={t('profile.password.submit')}
          pendingLabel={t('profile.password.submitting')}
        />
      </form>
    </PageSection>
  );
}
