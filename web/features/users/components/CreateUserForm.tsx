import { Alert, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { createStaffUserRequest } from '../../../../shared/api/users';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { SubmitButton } from '../../../components/SubmitButton';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { useCreateUser, type UnitOption } from '../users.api';
import { RolesAndUnitsFields } from './RolesAndUnitsFields';
import { userFieldMessage, type UserField } from './user-fields';

// In the order the form shows them (the error summary follows it).
const fieldIds = {
  email: 'create-user-email',
  displayName: 'create-user-name',
  roles: 'create-user-roles',
  unitIds: 'create-user-units',
  password: 'create-user-password',
} as const satisfies Record<UserField, string>;

/** For those who may manage staff: create a user with a first password. */
export function CreateUserForm({ units }: { units: readonly UnitOption[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const createUser = useCreateUser();
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const form = useForm({
    initial: { email: '', displayName: '', roles: [] as string[], unitIds: [] as string[], password: '' },
    fieldIds,
    refusalFields: { 'user.email_taken': 'email', 'user.units_invalid': 'unitIds' },
    message: (field, code) => userFieldMessage(field, code, i18n),
  });

  const submit = () => {
    setCreated(null);
    createUser.reset();
    const request = form.validate(createStaffUserRequest, form.values);
    if (request === null) return;
    createUser.mutate(request, {
      onSuccess: (user) => {
        setCreated({ id: user.id, name: user.displayName });
        form.reset();
      },
      onError: form.showRefusal,
    });
  };

  return (
    <PageSection headingId="create-user-heading" heading={t('users.create.heading')}>
      {created !== null ? (
        <Alert data-color="success" role="status" className="notice">
          <Paragraph>{t('users.create.success', { name: created.name })}</Paragraph>
          <Paragraph>
            <RouterLink to={`/brukere/${created.id}`}>{t('users.create.open')}</RouterLink>
          </Paragraph>
        </Alert>
      ) : null}
      {/* A refusal that no field explains is shown at the form. */}
      <SubmitFailure error={createUser.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('users.create.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, createUser.isPending)} className="form-stack narrow">
        <Textfield
          {...form.field('email')}
          label={t('users.fields.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <Textfield {...form.field('displayName')} label={t('users.fields.displayName')} autoComplete="off" required />
        <RolesAndUnitsFields ids={fieldIds} form={form} units={units} />
        <Textfield
          {...form.field('password')}
          label={t('users.fields.password')}
          description={t('users.fields.passwordDescription')}
          type="password"
          autoComplete="new-password"
          required
        />
        <SubmitButton
          pending={createUser.isPending}
          label={t('users.create.submit')}
          pendingLabel={t('users.create.submitting')}
        />
      </form>
    </PageSection>
  );
}
