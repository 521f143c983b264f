import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { createUnitRequest } from '../../../../shared/api/units';
import { unitKinds } from '../../../../shared/domain/units';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { SelectField } from '../../../components/SelectField';
import { isApiError } from '../../../app/api-client';
import { TechnicalErrorAlert } from '../../../app/errors';
import { fieldCodesFromProblem, fieldCodesFromZod, type FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useCreateUnit } from '../units.api';

const fieldIds = { name: 'unit-name', kind: 'unit-kind' } as const;
type UnitField = keyof typeof fieldIds;
const isUnitField = (field: string): field is UnitField => Object.hasOwn(fieldIds, field);

/** For admins: create a unit. The same zod schema as the server validates before sending. */
export function CreateUnitForm() {
  const { t, errorText } = useI18n();
  const createUnit = useCreateUnit();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [fieldCodes, setFieldCodes] = useState<FieldCodes>({});
  const [attempt, setAttempt] = useState(0);
  const [createdName, setCreatedName] = useState<string | null>(null);

  const fieldMessage = (field: UnitField): string | undefined => {
    const code = fieldCodes[field];
    if (!code) return undefined;
    if (field === 'name' && (code === 'text.too_short' || code === 'too_small')) return t('units.create.nameTooShort');
    if (field === 'name' && (code === 'text.too_long' || code === 'too_big')) return t('units.create.nameTooLong');
    if (field === 'kind' && (code === 'invalid_value' || code === 'invalid_type' || code === 'required')) {
      return t('units.create.kindRequired');
    }
    return errorText(code);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (createUnit.isPending) return;
    setAttempt((n) => n + 1);
    setCreatedName(null);
    createUnit.reset();
    const parsed = createUnitRequest.safeParse({ name, kind });
    if (!parsed.success) {
      setFieldCodes(fieldCodesFromZod(parsed.error));
      return;
    }
    setFieldCodes({});
    createUnit.mutate(parsed.data, {
      onSuccess: (unit) => {
        setCreatedName(unit.name);
        setName('');
        setKind('');
      },
      onError: (error) => {
        if (!isApiError(error) || error.kind !== 'functional') return;
        const codes = fieldCodesFromProblem(error.errors);
        if (error.code === 'unit.name_taken' && !codes['name']) codes['name'] = error.code;
        setFieldCodes(codes);
      },
    });
  };

  const summaryItems = (Object.keys(fieldIds) as UnitField[]).flatMap((field) => {
    const message = fieldMessage(field);
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });

  // A refusal that no field explains is shown at the form.
  const error = createUnit.error;
  const hasFieldExplanation = Object.keys(fieldCodes).some(isUnitField);
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
    <section aria-labelledby="create-unit-heading" className="section">
      <Heading level={2} data-size="sm" id="create-unit-heading">
        {t('units.create.heading')}
      </Heading>
      {createdName !== null ? (
        <Alert data-color="success" role="status" className="notice">
          <Paragraph>{t('units.create.success', { name: createdName })}</Paragraph>
        </Alert>
      ) : null}
      {formError}
      <FormErrorSummary
        key={attempt}
        heading={t('units.create.errorSummaryHeading')}
        headingLevel={3}
        items={summaryItems}
      />
      <form noValidate onSubmit={onSubmit} className="form-stack narrow">
        <Textfield
          id={fieldIds.name}
          label={t('units.create.name')}
          name="name"
          autoComplete="off"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fieldMessage('name')}
        />
        <SelectField
          id={fieldIds.kind}
          label={t('units.create.kind')}
          name="kind"
          required
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          error={fieldMessage('kind')}
        >
          <option value="">{t('units.create.chooseKind')}</option>
          {unitKinds.map((unitKind) => (
            <option key={unitKind} value={unitKind}>
              {t(`units.kinds.${unitKind}`)}
            </option>
          ))}
        </SelectField>
        <div>
          <Button type="submit" loading={createUnit.isPending}>
            {createUnit.isPending ? t('units.create.submitting') : t('units.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
