import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { auditActions } from '../../../../shared/api/audit';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { SelectField } from '../../../components/SelectField';
import type { FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import type { StaffOption } from '../audit.api';

export type AuditFilterValues = { subjectId: string; userId: string; action: string; from: string; to: string };
export type AuditFilterField = keyof AuditFilterValues;

export const auditFilterIds = {
  subjectId: 'audit-subject-id',
  userId: 'audit-user',
  action: 'audit-action',
  from: 'audit-from',
  to: 'audit-to',
} as const satisfies Record<AuditFilterField, string>;

/**
 * The auditor's search. `staff` is the list of users to pick from, or null when the user may not
 * list staff (or the list was refused): then a user id is typed in instead.
 */
export function AuditSearchForm({
  initial,
  initialCodes,
  staff,
  validate,
  onSearch,
}: {
  initial: AuditFilterValues;
  initialCodes: FieldCodes;
  staff: readonly StaffOption[] | null;
  validate: (values: AuditFilterValues) => FieldCodes;
  onSearch: (values: AuditFilterValues) => void;
}) {
  const { t, errorText, codeText } = useI18n();
  const [values, setValues] = useState(initial);
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>(initialCodes);
  const [attempt, setAttempt] = useState(0);

  const set = (field: AuditFilterField) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const fieldMessage = (field: AuditFilterField): string | undefined => {
    const code = fieldCodes[field];
    if (!code) return undefined;
    if ((field === 'subjectId' || field === 'userId') && code === 'invalid_format') return t('auditLog.idInvalid');
    if ((field === 'from' || field === 'to') && code === 'invalid_format') return t('auditLog.dateInvalid');
    if (field === 'to' && code === 'to_before_from') return t('auditLog.toBeforeFrom');
    return errorText(code);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const trimmed = { ...values, subjectId: values.subjectId.trim(), userId: values.userId.trim() };
    const codes = validate(trimmed);
    setFieldCodes(codes);
    if (Object.keys(codes).length === 0) onSearch(trimmed);
  };

  const summaryItems = (Object.keys(auditFilterIds) as AuditFilterField[]).flatMap((field) => {
    const message = fieldMessage(field);
    return message ? [{ fieldId: auditFilterIds[field], message }] : [];
  });

  // A user id from the URL that is not in the list still shows as chosen.
  const unlisted = staff && values.userId && !staff.some((s) => s.id === values.userId) ? values.userId : null;

  return (
    <>
      <FormErrorSummary
        key={attempt}
        heading={t('auditLog.errorSummaryHeading')}
        headingLevel={3}
        items={summaryItems}
      />
      <form noValidate onSubmit={onSubmit} role="search" aria-labelledby="audit-search-heading" className="filter-form">
        <Textfield
          id={auditFilterIds.subjectId}
          label={t('auditLog.subjectId')}
          description={t('auditLog.subjectIdDescription')}
          name="subjectId"
          autoComplete="off"
          spellCheck={false}
          className="filter-form__wide"
          value={values.subjectId}
          onChange={set('subjectId')}
          error={fieldMessage('subjectId')}
        />
        {staff ? (
          <SelectField
            id={auditFilterIds.userId}
            label={t('auditLog.user')}
            name="userId"
            value={values.userId}
            onChange={set('userId')}
            error={fieldMessage('userId')}
          >
            <option value="">{t('auditLog.allUsers')}</option>
            {unlisted ? <option value={unlisted}>{unlisted}</option> : null}
            {staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName} ({member.email})
              </option>
            ))}
          </SelectField>
        ) : (
          <Textfield
            id={auditFilterIds.userId}
            label={t('auditLog.userId')}
            description={t('auditLog.userIdDescription')}
            name="userId"
            autoComplete="off"
            spellCheck={false}
            className="filter-form__wide"
            value={values.userId}
            onChange={set('userId')}
            error={fieldMessage('userId')}
          />
        )}
        <SelectField
          id={auditFilterIds.action}
          label={t('auditLog.action')}
          name="action"
          value={values.action}
          onChange={set('action')}
          error={fieldMessage('action')}
        >
          <option value="">{t('auditLog.allActions')}</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {codeText('auditActions', action)}
            </option>
          ))}
        </SelectField>
        <Textfield
          id={auditFilterIds.from}
          label={t('auditLog.from')}
          type="date"
          name="from"
          value={values.from}
          onChange={set('from')}
          error={fieldMessage('from')}
        />
        <Textfield
          id={auditFilterIds.to}
          label={t('auditLog.to')}
          type="date"
          name="to"
          value={values.to}
          onChange={set('to')}
          error={fieldMessage('to')}
        />
        <div className="filter-form__actions">
          <Button type="submit">{t('auditLog.submit')}</Button>
        </div>
      </form>
    </>
  );
}
