import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { updateStaffUserRequest, type StaffUserDto, type UpdateStaffUserRequest } from '../../../../shared/api/users';
import { staffRoles } from '../../../../shared/domain/roles';
import { CheckboxGroupField } from '../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { isApiError } from '../../../app/api-client';
import { TechnicalErrorAlert } from '../../../app/errors';
import { fieldCodesFromProblem, fieldCodesFromZod, type FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { useUpdateUser, type UnitOption } from '../users.api';
import { userFieldMessage, type UserField } from './user-fields';

type EditField = Extract<UserField, 'displayName' | 'roles' | 'unitIds'>;
const fieldIds = {
  displayName: 'edit-user-name',
  roles: 'edit-user-roles',
  unitIds: 'edit-user-units',
} as const satisfies Record<EditField, string>;
const isEditField = (field: string): field is EditField => Object.hasOwn(fieldIds, field);

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

/**
 * Only what changed is sent: the audit entry then names exactly the changed fields, and the
 * user's sessions end only when their roles really change.
 */
function changesBetween(
  user: StaffUserDto,
  form: { displayName: string; roles: string[]; unitIds: string[] },
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (form.displayName.normalize('NFC').trim() !== user.displayName) changes['displayName'] = form.displayName;
  if (!sameSet(form.roles, user.roles)) changes['roles'] = form.roles;
  if (!sameSet(form.unitIds, user.unitIds)) changes['unitIds'] = form.unitIds;
  return changes;
}

/**
 * Change a staff member's name, roles and units. Mount it with `key={user.version}`: after a
 * save or a conflict it starts again from the record as it now is.
 */
export function EditUserForm({
  user,
  units,
  onSaved,
  onConflict,
}: {
  user: StaffUserDto;
  units: readonly UnitOption[];
  onSaved: () => void;
  onConflict: () => void;
}) {
  const i18n = useI18n();
  const { t, errorText } = i18n;
  const session = useSession();
  const update = useUpdateUser(user.id, session.user.id);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [unitIds, setUnitIds] = useState<string[]>(user.unitIds);
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>({});
  const [attempt, setAttempt] = useState(0);
  const [nothingChanged, setNothingChanged] = useState(false);

  const fieldMessage = (field: EditField): string | undefined => {
    const code = fieldCodes[field];
    return code ? userFieldMessage(field, code, i18n) : undefined;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setAttempt((n) => n + 1);
    setNothingChanged(false);
    update.reset();
    const parsed = updateStaffUserRequest.safeParse(changesBetween(user, { displayName, roles, unitIds }));
    if (!parsed.success) {
      setFieldCodes(fieldCodesFromZod(parsed.error));
      return;
    }
    setFieldCodes({});
    const changes: UpdateStaffUserRequest = parsed.data;
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    update.mutate(
      { version: user.version, changes },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.code === 'resource.version_conflict') {
            onConflict();
            return;
          }
          if (error.kind !== 'functional') return;
          const codes = fieldCodesFromProblem(error.errors);
          if (error.code === 'user.units_invalid' && !codes['unitIds']) codes['unitIds'] = error.code;
          setFieldCodes(codes);
        },
      },
    );
  };

  const summaryItems = (Object.keys(fieldIds) as EditField[]).flatMap((field) => {
    const message = fieldMessage(field);
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });

  const error = update.error;
  const hasFieldExplanation = Object.keys(fieldCodes).some(isEditField);
  let formError = null;
  if (error && (!isApiError(error) || error.kind === 'technical')) {
    formError = <TechnicalErrorAlert error={error} headingLevel={3} />;
  } else if (
    isApiError(error) &&
    error.kind !== 'auth' &&
    error.code !== 'resource.version_conflict' &&
    !hasFieldExplanation
  ) {
    formError = (
      <Alert data-color="danger" role="alert" className="notice">
        <Paragraph>{errorText(error.code)}</Paragraph>
      </Alert>
    );
  }

  return (
    <>
      {nothingChanged ? (
        <Alert data-color="info" role="status" className="notice">
          <Paragraph>{t('users.detail.noChanges')}</Paragraph>
        </Alert>
      ) : null}
      {formError}
      <FormErrorSummary
        key={attempt}
        heading={t('users.detail.errorSummaryHeading')}
        headingLevel={3}
        items={summaryItems}
      />
      <form noValidate onSubmit={onSubmit} className="form-stack narrow">
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
        <div>
          <Button type="submit" loading={update.isPending}>
            {update.isPending ? t('users.detail.saving') : t('users.detail.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
