import { Alert, Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import {
  createLandlordRequest,
  landlordCategories,
  updateLandlordRequest,
  type LandlordDto,
} from '../../../../../shared/api/landlords';
import { isVersionConflict, SubmitFailure } from '../../../../app/errors';
import { useI18n } from '../../../../app/i18n';
import { useForm } from '../../../../app/use-form';
import { CheckboxGroupField } from '../../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../../components/FormErrorSummary';
import { PageSection } from '../../../../components/PageSection';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { useContactCandidates, useCreateLandlord, useUpdateLandlord } from '../landlords.api';
import { SuccessNotice } from '../../../../components/SuccessNotice';

const preferenceFlags = ['wantsConsultationBeforeReletting', 'prefersLongTerm', 'refusesMunicipalGuarantee'] as const;
const guaranteeFlags = ['depositGuarantee', 'rentGuarantee', 'rentPaidInAdvance'] as const;
const flagKeys = {
  wantsConsultationBeforeReletting: 'wants_consultation_before_reletting',
  prefersLongTerm: 'prefers_long_term',
  refusesMunicipalGuarantee: 'refuses_municipal_guarantee',
  depositGuarantee: 'deposit_guarantee',
  rentGuarantee: 'rent_guarantee',
  rentPaidInAdvance: 'rent_paid_in_advance',
} as const;

const fieldIds = {
  partyKind: 'landlord-kind-person',
  category: 'landlord-category',
  name: 'landlord-name',
  orgnr: 'landlord-orgnr',
  email: 'landlord-email',
  phone: 'landlord-phone',
  address: 'landlord-address',
  kontonummer: 'landlord-kontonummer',
  contactUserId: 'landlord-contact',
  preferences: 'landlord-preferences',
  preferenceNotes: 'landlord-preference-notes',
  guarantees: 'landlord-guarantees',
  notes: 'landlord-notes',
} as const;

/** Create (no `landlord`) or edit (with its version as If-Match). Every rule is explained at its field. */
export function LandlordForm({ landlord, onCreated }: { landlord?: LandlordDto; onCreated?: (dto: LandlordDto) => void }) {
  const { t, errorText } = useI18n();
  const create = useCreateLandlord();
  const update = useUpdateLandlord(landlord?.id ?? '');
  const mutation = landlord ? update : create;
  const contacts = useContactCandidates();
  const [saved, setSaved] = useState<string | null>(null);
  const initial = {
    partyKind: landlord?.partyKind ?? 'company',
    category: landlord?.category ?? 'professional',
    name: landlord?.name ?? '',
    orgnr: landlord?.orgnr ?? '',
    email: landlord?.email ?? '',
    phone: landlord?.phone ?? '',
    address: landlord?.address ?? '',
    kontonummer: landlord?.kontonummer ?? '',
    contactUserId: landlord?.contactUser?.id ?? '',
    preferences: landlord ? preferenceFlags.filter((f) => landlord[f]) : ([] as string[]),
    preferenceNotes: landlord?.preferenceNotes ?? '',
    guarantees: landlord ? guaranteeFlags.filter((f) => landlord[f]) : ([] as string[]),
    notes: landlord?.notes ?? '',
  };
  const form = useForm({
    initial,
    fieldIds,
    refusalFields: {
      'landlord.orgnr_taken': 'orgnr',
      'landlord.orgnr_invalid': 'orgnr',
      'landlord.company_requires_orgnr': 'orgnr',
      'landlord.account_invalid': 'kontonummer',
      'landlord.contact_invalid': 'contactUserId',
    },
    message: (_field, code) => errorText(code),
  });
  const values = form.values;
  const submit = () => {
    setSaved(null);
    const preferences = values.preferences as string[];
    const guarantees = values.guarantees as string[];
    const body = {
      partyKind: values.partyKind,
      category: values.category,
      name: values.name,
      orgnr: (values.orgnr as string).trim() || null,
      email: values.email,
      phone: values.phone,
      address: values.address,
      kontonummer: (values.kontonummer as string).trim() || null,
      contactUserId: values.contactUserId || null,
      ...Object.fromEntries(preferenceFlags.map((f) => [f, preferences.includes(f)])),
      preferenceNotes: values.preferenceNotes,
      ...Object.fromEntries(guaranteeFlags.map((f) => [f, guarantees.includes(f)])),
      notes: values.notes,
    };
    const request = form.validate(landlord ? updateLandlordRequest : createLandlordRequest, body);
    if (request === null) return;
    if (landlord) {
      update.mutate({ version: landlord.version, body: request }, { onSuccess: () => setSaved(t('landlords.form.saved')), onError: form.showRefusal });
    } else {
      create.mutate(createLandlordRequest.parse(body), {
        onSuccess: (dto) => {
          setSaved(t('landlords.form.created', { name: dto.name }));
          form.reset();
          onCreated?.(dto);
        },
        onError: form.showRefusal,
      });
    }
  };
  const headingId = landlord ? 'edit-landlord-heading' : 'create-landlord-heading';
  const flagOptions = (flags: readonly (keyof typeof flagKeys)[]) => flags.map((f) => ({ value: f, label: t(`landlords.flags.${flagKeys[f]}`) }));
  return (
    <PageSection headingId={headingId} heading={landlord ? t('landlords.form.editHeading') : t('landlords.form.createHeading')}>
      {saved ? (
        <SuccessNotice>{saved}</SuccessNotice>
      ) : null}
      {isVersionConflict(mutation.error) ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{t('landlords.form.conflict')}</Paragraph>
        </Alert>
      ) : (
        <SubmitFailure error={mutation.error} explained={form.hasFieldExplanation} />
      )}
      <FormErrorSummary {...form.summary} heading={t('landlords.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, mutation.isPending)} className="form-stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('landlords.form.partyKind')}</Fieldset.Legend>
          {(['person', 'company'] as const).map((kind) => (
            <Radio
              key={kind}
              id={kind === 'person' ? fieldIds.partyKind : 'landlord-kind-company'}
              name="partyKind"
              value={kind}
              label={t(`landlords.partyKinds.${kind}`)}
              checked={values.partyKind === kind}
              onChange={() => form.setValue('partyKind', kind)}
            />
          ))}
          {form.fieldMessage('partyKind') ? <ValidationMessage>{form.fieldMessage('partyKind')}</ValidationMessage> : null}
        </Fieldset>
        {values.partyKind === 'person' ? <Paragraph data-size="sm">{t('landlords.form.personPrivacy')}</Paragraph> : null}
        <SelectField {...form.field('category')} label={t('landlords.form.category')}>
          <CodeOptions codes={landlordCategories} label={(c) => t(`landlords.categories.${c}`)} />
        </SelectField>
        <Textfield {...form.field('name')} label={t('landlords.form.name')} required autoComplete="off" />
        <Textfield
          {...form.field('orgnr')}
          label={t('landlords.form.orgnr')}
          description={t('landlords.form.orgnrHelp')}
          inputMode="numeric"
          autoComplete="off"
          required={values.partyKind === 'company'}
        />
        <Textfield {...form.field('email')} label={t('landlords.form.email')} type="email" autoComplete="off" />
        <Textfield {...form.field('phone')} label={t('landlords.form.phone')} type="tel" autoComplete="off" />
        <Textfield {...form.field('address')} label={t('landlords.form.address')} autoComplete="off" />
        <Textfield
          {...form.field('kontonummer')}
          label={t('landlords.form.kontonummer')}
          description={t('landlords.form.kontonummerHelp')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Paragraph data-size="sm">{t('landlords.form.contactHelp')}</Paragraph>
        <SelectField {...form.field('contactUserId')} label={t('landlords.form.contact')}>
          <option value="">{t('landlords.form.noContact')}</option>
          {(contacts.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <CheckboxGroupField
          id={fieldIds.preferences}
          legend={t('landlords.form.preferences')}
          options={flagOptions(preferenceFlags)}
          value={values.preferences as string[]}
          onChange={(next) => form.setValue('preferences', next)}
        />
        <Textfield {...form.field('preferenceNotes')} label={t('landlords.form.preferenceNotes')} multiline rows={2} />
        <CheckboxGroupField
          id={fieldIds.guarantees}
          legend={t('landlords.form.guarantees')}
          options={flagOptions(guaranteeFlags)}
          value={values.guarantees as string[]}
          onChange={(next) => form.setValue('guarantees', next)}
        />
        <Textfield {...form.field('notes')} label={t('landlords.form.notes')} multiline rows={3} />
        <SubmitButton
          pending={mutation.isPending}
          label={landlord ? t('landlords.form.submitEdit') : t('landlords.form.submitCreate')}
          pendingLabel={t('landlords.form.submitting')}
        />
      </form>
    </PageSection>
  );
}
