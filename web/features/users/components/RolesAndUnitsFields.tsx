import { staffRoles } from '../../../../shared/domain/roles';
import { CheckboxGroupField } from '../../../components/CheckboxGroupField';
import { useI18n } from '../../../app/i18n';
import type { UnitOption } from '../users.api';

type AccessField = 'roles' | 'unitIds';

/**
 * A staff member's roles and units, as in the create and the edit form (`form` is their useForm).
 * The units are asked for only when there are units to choose from.
 */
export function RolesAndUnitsFields({
  ids,
  form,
  units,
}: {
  ids: Record<AccessField, string>;
  form: {
    values: Record<AccessField, string[]>;
    setValue: (field: AccessField, value: string[]) => void;
    fieldMessage: (field: AccessField) => string | undefined;
  };
  units: readonly UnitOption[];
}) {
  const { t } = useI18n();
  return (
    <>
      <CheckboxGroupField
        id={ids.roles}
        legend={t('users.fields.roles')}
        description={t('users.fields.rolesDescription')}
        options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={form.values.roles}
        onChange={(next) => form.setValue('roles', next)}
        error={form.fieldMessage('roles')}
      />
      {units.length > 0 ? (
        <CheckboxGroupField
          id={ids.unitIds}
          legend={t('users.fields.units')}
          description={t('users.fields.unitsDescription')}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          value={form.values.unitIds}
          onChange={(next) => form.setValue('unitIds', next)}
          error={form.fieldMessage('unitIds')}
        />
      ) : null}
    </>
  );
}
