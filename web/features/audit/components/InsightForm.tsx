import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import type { StaffOption } from '../audit.api';
import { parseInsight, type InsightValues } from '../insight-request';
import { StaffField } from './StaffField';

const fieldIds = { subjectId: 'insight-subject', from: 'insight-from', to: 'insight-to' } as const;

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
  const form = useForm({
    initial,
    fieldIds,
    message: (field, code) => {
      if (field === 'subjectId' && code === 'required') return t('insight.staffRequired');
      if (field === 'subjectId' && code === 'invalid_format') return t('auditLog.idInvalid');
      if ((field === 'from' || field === 'to') && code === 'invalid_format') return t('auditLog.dateInvalid');
      if (field === 'to' && code === 'to_before_from') return t('auditLog.toBeforeFrom');
      return errorText(code);
    },
  });

  const check = () => {
    const trimmed = { ...form.values, subjectId: form.values.subjectId.trim() };
    const { codes } = parseInsight(trimmed);
    form.setFieldCodes(codes);
    if (Object.keys(codes).length === 0) onSubmit(trimmed);
  };

  return (
    <>
      <FormErrorSummary {...form.summary} heading={t('insight.errorSummaryHeading')} headingLevel={3} />
      <Paragraph>{t('insight.subjectNote')}</Paragraph>
      <form noValidate onSubmit={form.submitHandler(check)} className="filter-form">
        <StaffField
          {...form.field('subjectId')}
          staff={staff}
          required
          listLabel={t('insight.staff')}
          noneOption={t('insight.chooseStaff')}
          idLabel={t('insight.staffId')}
          idDescription={t('insight.staffIdDescription')}
        />
        <Textfield {...form.field('from')} label={t('insight.from')} type="date" />
        <Textfield {...form.field('to')} label={t('insight.to')} type="date" />
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
