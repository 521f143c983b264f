import { Alert, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { updateStaffUserRequest, type StaffUserDto, type UpdateStaffUserRequest } from '../../../../shared/api/users';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { SubmitButton } from '../../../components/SubmitButton';
import { isVersionConflict, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { useForm } from '../../../app/use-form';
import { useUpdateUser, type UnitOption } from '../users.api';
import { RolesAndUnitsFields } from './RolesAndUnitsFields';
import { userFieldMessage, type UserField } from './user-fields';

type EditField = Extract<UserField, 'displayName' | 'roles' | 'unitIds'>;
const fieldIds = {
  displayName: 'edit-user-name',
  roles: 'edit-user-roles',
  unitIds: 'edit-user-units',
} as const satisfies Record<EditField, string>;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value) => b.includes(value));

type EditValues = { displayName: string; roles: string[]; unitIds: string[] };

/**
 * Only what changed is sent: the audit entry then names exactly the changed fields, and the
 * user's sessions end only when their roles really change.
 */
function changesBetween(user: StaffUserDto, form: EditValues): Record<string, unknown> {
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
  const { t } = i18n;
  const session = useSession();
  const update = useUpdateUser(user.id, session.user.id);
  const [nothingChanged, setNothingChanged] = useState(false);
  const form = useForm<EditValues>({
    initial: { displayName: user.displayName, roles: user.roles, unitIds: user.unitIds },
    fieldIds,
    refusalFields: { 'user.units_invalid': 'unitIds' },
    message: (field, code) => userFieldMessage(field, code, i18n),
  });

  const submit = () => {
    setNothingChanged(false);
    update.reset();
    const request = form.validate(updateStaffUserRequest, changesBetween(user, form.values));
    if (request === null) return;
    const changes: UpdateStaffUserRequest = request;
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    update.mutate(
      { version: user.version, changes },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (isVersionConflict(error)) onConflict();
          else form.showRefusal(error);
        },
      },
    );
  };

  return (
    <>
      {nothingChanged ? (
        <Alert data-color="info" role="status" className="notice">
          <Paragraph>{t('users.detail.noChanges')}</Paragraph>
        </Alert>
      ) : null}
      {/* A conflict is told by the page, which shows the record as it now is. */}
      <SubmitFailure error={update.error} explained={form.hasFieldExplanation || isVersionConflict(update.error)} />
      <FormErrorSummary {...form.summary} heading={t('users.detail.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, update.isPending)} className="form-stack narrow">
        <Textfield {...form.field('displayName')} label={t('users.fields.displayName')} autoComplete="off" required />
        <RolesAndUnitsFields ids={fieldIds} form={form} units={units} />
        <SubmitButton
          pending={update.isPending}
          label={t('users.detail.save')}
          pendingLabel={t('users.detail.saving')}
        />
      </form>
    </>
  );
}
