import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { createStaffUserRequest } from '../../../../shared/api/users';
import { staffRoles } from '../../../../shared/domain/roles';
import { CheckboxGroupField } from '../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { RouterLink } from '../../../components/RouterLink';
import { isApiError } from '../../../app/api-client';
import { TechnicalErrorAlert } from '../../../app/errors';
import { fieldCodesFromProblem, fieldCodesFromZod, type FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useCreateUser, type UnitOption } from '../users.api';
import { userFieldMessage, type UserField } from './user-fields';

// In the order the form shows them (the error summary follows it).
const fieldIds = {
  email: 'create-user-email',
  displayName: 'create-user-name',
  roles: 'create-user-roles',
  unitIds: 'create-user-units',
  password: 'create-user-password',
} as const satisfies Record<UserField, string>;
const isUserField = (field: string): field is UserField => Object.hasOwn(fieldIds, field);

/** For those who may manage staff: create a user with a first password. */
export function CreateUserForm({ units }: { units: readonly UnitOption[] }) {
  const i18n = useI18n();
  const { t, errorText } = i18n;
  const createUser = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>({});
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  const fieldMessage = (field: UserField): string | undefined => {
    const code = fieldCodes[field];
    return code ? userFieldMessage(field, code, i18n) : undefined;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (createUser.isPending) return;
    setAttempt((n) => n + 1);
    setCreated(null);
    createUser.reset();
    const parsed = createStaffUserRequest.safeParse({ email, displayName, roles, unitIds, password });
    if (!parsed.success) {
      setFieldCodes(fieldCodesFromZod(parsed.error));
      return;
    }
    setFieldCodes({});
    createUser.mutate(parsed.data, {
      onSuccess: (user) => {
        setCreated({ id: user.id, name: user.displayName });
        setEmail('');
        setDisplayName('');
        setRoles([]);
        setUnitIds([]);
        setPassword('');
      },
      onError: (error) => {
        if (!isApiError(error) || error.kind !== 'functional') return;
        const codes = fieldCodesFromProblem(error.errors);
        if (error.code === 'user.email_taken' && !codes['email']) codes['email'] = error.code;
        if (error.code === 'user.units_invalid' && !codes['unitIds']) codes['unitIds'] = error.code;
        setFieldCodes(codes);
      },
    });
  };

  const summaryItems = (Object.keys(fieldIds) as UserField[]).flatMap((field) => {
    const message = fieldMessage(field);
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });

  // A refusal that no field explains is shown at the form.
  const error = createUser.error;
  const hasFieldExplanation = Object.keys(fieldCodes).some(isUserField);
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
    <section aria-labelledby="create-user-heading" className="section">
      <Heading level={2} data-size="sm" id="create-user-heading">
        {t('users.create.heading')}
      </Heading>
      {created !== null ? (
        <Alert data-color="success" role="status" className="notice">
          <Paragraph>{t('users.create.success', { name: created.name })}</Paragraph>
          <Paragraph>
            <RouterLink to={`/brukere/${created.id}`}>{t('users.create.open')}</RouterLink>
          </Paragraph>
        </Alert>
      ) : null}
      {formError}
      <FormErrorSummary
        key={attempt}
        heading={t('users.create.errorSummaryHeading')}
        headingLevel={3}
        items={summaryItems}
      />
      <form noValidate onSubmit={onSubmit} className="form-stack narrow">
        <Textfield
          id={fieldIds.email}
          label={t('users.fields.email')}
          type="email"
          name="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldMessage('email')}
        />
        <Textfield
          id={fieldIds.displayName}
          label={t('users.fields.displayName')}
          name="displayName"
          autoComplete="off"
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={fieldMessage('displayName')}
        />
        <CheckboxGroupField
          id={fieldIds.roles}
          legend={t('users.fields.roles')}
          description={t('users.fields.rolesDescription')}
          options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={roles}
          onChange={setRoles}
          error={fieldMessage('roles')}
        />
        {units.length > 0 ? (
          <CheckboxGroupField
            id={fieldIds.unitIds}
            legend={t('users.fields.units')}
            description={t('users.fields.unitsDescription')}
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            value={unitIds}
            onChange={setUnitIds}
            error={fieldMessage('unitIds')}
          />
        ) : null}
        <Textfield
          id={fieldIds.password}
          label={t('users.fields.password')}
          description={t('users.fields.passwordDescription')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldMessage('password')}
        />
        <div>
          <Button type="submit" loading={createUser.isPending}>
            {createUser.isPending ? t('users.create.submitting') : t('users.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
