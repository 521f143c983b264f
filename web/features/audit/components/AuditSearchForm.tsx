import { Button, Textfield } from '@digdir/designsystemet-react';
import { auditActions } from '../../../../shared/api/audit';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { SelectField } from '../../../components/SelectField';
import type { FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import type { StaffOption } from '../audit.api';
import { StaffField } from './StaffField';

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
  const form = useForm({
    initial,
    fieldIds: auditFilterIds,
    initialCodes,
    message: (field, code) => {
      if ((field === 'subjectId' || field === 'userId') && code === 'invalid_format') return t('auditLog.idInvalid');
      if ((field === 'from' || field === 'to') && code === 'invalid_format') return t('auditLog.dateInvalid');
      if (field === 'to' && code === 'to_before_from') return t('auditLog.toBeforeFrom');
      return errorText(code);
    },
  });

  const search = () => {
    const { values } = form;
    const trimmed = { ...values, subjectId: values.subjectId.trim(), userId: values.userId.trim() };
    const codes = validate(trimmed);
    form.setFieldCodes(codes);
    if (Object.keys(codes).length === 0) onSearch(trimmed);
  };

  return (
    <>
      <FormErrorSummary {...form.summary} heading={t('auditLog.errorSummaryHeading')} headingLevel={3} />
      <form
        noValidate
        onSubmit={form.submitHandler(search)}
        role="search"
        aria-labelledby="audit-search-heading"
        className="filter-form"
      >
        <Textfield
          {...form.field('subjectId')}
          label={t('auditLog.subjectId')}
          description={t('auditLog.subjectIdDescription')}
          autoComplete="off"
          spellCheck={false}
          className="filter-form__wide"
        />
        <StaffField
          {...form.field('userId')}
          staff={staff}
          listLabel={t('auditLog.user')}
          noneOption={t('auditLog.allUsers')}
          idLabel={t('auditLog.userId')}
          idDescription={t('auditLog.userIdDescription')}
        />
        <SelectField {...form.field('action')} label={t('auditLog.action')}>
          <option value="">{t('auditLog.allActions')}</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {codeText('auditActions', action)}
            </option>
          ))}
        </SelectField>
        <Textfield {...form.field('from')} label={t('auditLog.from')} type="date" />
        <Textfield {...form.field('to')} label={t('auditLog.to')} type="date" />
        <div className="filter-form__actions">
          <Button type="submit">{t('auditLog.submit')}</Button>
        </div>
      </form>
    </>
  );
}
