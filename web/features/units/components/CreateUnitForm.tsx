import { Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { createUnitRequest } from '../../../../shared/api/units';
import { unitKinds } from '../../../../shared/domain/units';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { useCreateUnit } from '../units.api';
import { SuccessNotice } from '../../../components/SuccessNotice';

const fieldIds = { name: 'unit-name', kind: 'unit-kind' } as const;

/** For admins: create a unit. The same zod schema as the server validates before sending. */
export function CreateUnitForm() {
  const { t, errorText } = useI18n();
  const createUnit = useCreateUnit();
  const [createdName, setCreatedName] = useState<string | null>(null);
  const form = useForm({
    initial: { name: '', kind: '' },
    fieldIds,
    refusalFields: { 'unit.name_taken': 'name' },
    message: (field, code) => {
      if (field === 'name' && (code === 'text.too_short' || code === 'too_small'))
        return t('units.create.nameTooShort');
      if (field === 'name' && (code === 'text.too_long' || code === 'too_big')) return t('units.create.nameTooLong');
      if (field === 'kind' && (code === 'invalid_value' || code === 'invalid_type' || code === 'required')) {
        return t('units.create.kindRequired');
      }
      return errorText(code);
    },
  });

  const submit = () => {
    setCreatedName(null);
    createUnit.reset();
    const request = form.validate(createUnitRequest, form.values);
    if (request === null) return;
    createUnit.mutate(request, {
      onSuccess: (unit) => {
        setCreatedName(unit.name);
        form.reset();
      },
      onError: form.showRefusal,
    });
  };

  return (
    <PageSection headingId="create-unit-heading" heading={t('units.create.heading')}>
      {createdName !== null ? <SuccessNotice>{t('units.create.success', { name: createdName })}</SuccessNotice> : null}
      {/* A refusal that no field explains is shown at the form. */}
      <SubmitFailure error={createUnit.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('units.create.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, createUnit.isPending)} className="form-stack narrow">
        <Textfield {...form.field('name')} label={t('units.create.name')} autoComplete="off" required />
        <SelectField {...form.field('kind')} label={t('units.create.kind')} required>
          <option value="">{t('units.create.chooseKind')}</option>
          <CodeOptions codes={unitKinds} label={(unitKind) => t(`units.kinds.${unitKind}`)} />
        </SelectField>
        <SubmitButton
          pending={createUnit.isPending}
          label={t('units.create.submit')}
          pendingLabel={t('units.create.submitting')}
        />
      </form>
    </PageSection>
  );
}
