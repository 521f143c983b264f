import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { SelectField } from '../../../components/SelectField';
import type { FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import type { StaffOption } from '../audit.api';
import { parseInsight, type InsightValues } from '../insight-request';

const fieldIds = { subjectId: 'insight-subject', from: 'insight-from', to: 'insight-to' } as const;
type InsightField = keyof typeof fieldIds;

/** Choose whom the report is about (a staff member, for now) and the period. */
export function InsightForm({
  initial,
  staff,
  onSubmit,
}: {
  initial: InsightValues;
  staff: readonly StaffOption[] | null;
  onSubmit: (values: InsightValues) => void;
}) {
  const { t, errorText } = useI18n();
  const [values, setValues] = useState(initial);
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>({});
  const [attempt, setAttempt] = useState(0);

  const set = (field: InsightField) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const fieldMessage = (field: InsightField): string | undefined => {
    const code = fieldCodes[field];
    if (!code) return undefined;
    if (field === 'subjectId' && code === 'required') return t('insight.staffRequired');
    if (field === 'subjectId' && code === 'invalid_format') return t('auditLog.idInvalid');
    if ((field === 'from' || field === 'to') && code === 'invalid_format') return t('auditLog.dateInvalid');
    if (field === 'to' && code === 'to_before_from') return t('auditLog.toBeforeFrom');
    return errorText(code);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const trimmed = { ...values, subjectId: values.subjectId.trim() };
    const { codes } = parseInsight(trimmed);
    setFieldCodes(codes);
    if (Object.keys(codes).length === 0) onSubmit(trimmed);
  };

  const summaryItems = (Object.keys(fieldIds) as InsightField[]).flatMap((field) => {
    const message = fieldMessage(field);
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });

  const unlisted = staff && values.subjectId && !staff.some((s) => s.id === values.subjectId) ? values.subjectId : null;

  return (
    <>
      <FormErrorSummary
        key={attempt}
        heading={t('insight.errorSummaryHeading')}
        headingLevel={3}
        items={summaryItems}
      />
      <Paragraph>{t('insight.subjectNote')}</Paragraph>
      <form noValidate onSubmit={submit} className="filter-form">
        {staff ? (
          <SelectField
            id={fieldIds.subjectId}
            label={t('insight.staff')}
            name="subjectId"
            required
            value={values.subjectId}
            onChange={set('subjectId')}
            error={fieldMessage('subjectId')}
          >
            <option value="">{t('insight.chooseStaff')}</option>
            {unlisted ? <option value={unlisted}>{unlisted}</option> : null}
            {staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName} ({member.email})
              </option>
            ))}
          </SelectField>
        ) : (
          <Textfield
            id={fieldIds.subjectId}
            label={t('insight.staffId')}
            description={t('insight.staffIdDescription')}
            name="subjectId"
            autoComplete="off"
            spellCheck={false}
            required
            className="filter-form__wide"
            value={values.subjectId}
            onChange={set('subjectId')}
            error={fieldMessage('subjectId')}
          />
        )}
        <Textfield
          id={fieldIds.from}
          label={t('insight.from')}
          type="date"
          name="from"
          value={values.from}
          onChange={set('from')}
          error={fieldMessage('from')}
        />
        <Textfield
          id={fieldIds.to}
          label={t('insight.to')}
          type="date"
          name="to"
          value={values.to}
          onChange={set('to')}
          error={fieldMessage('to')}
        />
        <Paragraph data-size="sm" className="filter-form__note">
          {t('insight.periodDescription')}
        </Paragraph>
        <div className="filter-form__actions">
          <Button type="submit">{t('insight.submit')}</Button>
        </div>
      </form>
    </>
  );
}
