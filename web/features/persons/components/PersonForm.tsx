import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import {
  birthDatePrecisions,
  introProgrammeStatuses,
  refugeeCategories,
  updatePersonRequest,
  type PersonDto,
  type PersonLanguage,
} from '../../../../shared/api/persons';
import { isVersionConflict, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { personPatch, type PersonFormValues } from '../person-patch';
import { useUpdatePerson } from '../persons.api';

const fieldIds = {
  fullName: 'person-full-name',
  transliteration: 'person-transliteration',
  birthPrecision: 'person-birth-precision',
  birthDate: 'person-birth-date',
  identityNumber: 'person-identity-number',
  dufNumber: 'person-duf-number',
  identityChangeReason: 'person-identity-reason',
  nationality: 'person-nationality',
  // The languages are edited as rows (state below); this entry carries the group's error.
  languages: 'person-language-0',
  refugeeCategory: 'person-category',
  receptionCentre: 'person-reception-centre',
  residencePermitDate: 'person-permit-date',
  arrivalDate: 'person-arrival-date',
  settlementDate: 'person-settlement-date',
  introProgramme: 'person-intro',
  introProgrammeStart: 'person-intro-start',
  introProgrammeEnd: 'person-intro-end',
} as const;

function initialValues(person: PersonDto): PersonFormValues {
  return {
    fullName: person.fullName,
    transliteration: person.transliteration ?? '',
    birthPrecision: person.birthDate?.precision ?? '',
    birthDate: person.birthDate
      ? person.birthDate.precision === 'year'
        ? person.birthDate.date.slice(0, 4)
        : person.birthDate.date
      : '',
    identityNumber: person.identityNumber ?? '',
    dufNumber: person.dufNumber ?? '',
    identityChangeReason: '',
    nationality: person.nationality ?? '',
    languages: '',
    refugeeCategory: person.refugeeCategory ?? '',
    receptionCentre: person.receptionCentre ?? '',
    residencePermitDate: person.residencePermitDate ?? '',
    arrivalDate: person.arrivalDate ?? '',
    settlementDate: person.settlementDate ?? '',
    introProgramme: person.introProgramme,
    introProgrammeStart: person.introProgrammeStart ?? '',
    introProgrammeEnd: person.introProgrammeEnd ?? '',
  };
}

/** The edit form: sends only what changed, with the version as If-Match. */
export function PersonForm({
  person,
  saved,
  onSubmitting,
  onSaved,
}: {
  person: PersonDto;
  saved: boolean;
  onSubmitting: () => void;
  onSaved: () => void;
}) {
  const { t, errorText } = useI18n();
  const update = useUpdatePerson(person.id);
  const [initial] = useState(() => initialValues(person));
  const [languages, setLanguages] = useState<PersonLanguage[]>(person.languages);
  const form = useForm({
    initial,
    fieldIds,
    refusalFields: {
      'person.name_invalid': 'fullName',
      'person.identity_number_invalid': 'identityNumber',
      'person.identity_number_taken': 'identityNumber',
      'person.duf_invalid': 'dufNumber',
      'person.duf_taken': 'dufNumber',
      'person.birth_date_invalid': 'birthDate',
      'person.dates_invalid': 'introProgrammeEnd',
      'pipeline.settlement_date_invalid': 'settlementDate',
    },
    message: (field, code) =>
      field === 'identityChangeReason' && code === 'required'
        ? t('persons.form.identityChangeReasonRequired')
        : errorText(code),
  });
  const values = form.values;
  const patch = personPatch({ initial, values, initialLanguages: person.languages, languages });

  const submit = () => {
    onSubmitting();
    update.reset();
    const request = form.validate(updatePersonRequest, patch.body);
    if (request === null) return;
    if (patch.identityChanged && values.identityChangeReason.trim() === '') {
      form.setFieldCodes({ identityChangeReason: 'required' });
      return;
    }
    update.mutate({ version: person.version, body: request }, { onSuccess: onSaved, onError: form.showRefusal });
  };

  const setPrecision = (next: string) => {
    const current = values.birthDate;
    const year = current.slice(0, 4);
    form.setValue('birthPrecision', next);
    if (next === '') form.setValue('birthDate', '');
    else if (next === 'year') form.setValue('birthDate', /^\d{4}/.test(current) ? year : '');
    else if (next === 'jan1_convention') form.setValue('birthDate', /^\d{4}/.test(current) ? `${year}-01-01` : '');
    else if (values.birthPrecision === 'year') form.setValue('birthDate', '');
  };

  const setLanguage = (index: number, change: Partial<PersonLanguage>) =>
    setLanguages((rows) =>
      rows.map((row, i) => {
        if (i === index) return { ...row, ...change };
        // At most one language for letters.
        return change.preferredForLetters ? { ...row, preferredForLetters: false } : row;
      }),
    );

  return (
    <PageSection headingId="person-edit-heading" heading={t('persons.form.heading')}>
      {saved ? <SuccessNotice>{t('persons.form.saved')}</SuccessNotice> : null}
      {isVersionConflict(update.error) ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{t('persons.form.conflict')}</Paragraph>
        </Alert>
      ) : (
        <SubmitFailure error={update.error} explained={form.hasFieldExplanation} />
      )}
      <FormErrorSummary {...form.summary} heading={t('persons.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, update.isPending)} className="form-stack narrow">
        <Textfield
          {...form.field('fullName')}
          label={t('persons.form.fullName')}
          description={t('persons.form.fullNameHelp')}
          dir="auto"
          autoComplete="off"
          required
        />
        <Textfield
          {...form.field('transliteration')}
          label={t('persons.form.transliteration')}
          description={t('persons.form.transliterationHelp')}
          autoComplete="off"
        />
        <SelectField
          {...form.field('birthPrecision')}
          onChange={(event) => setPrecision(event.target.value)}
          label={t('persons.form.birthDatePrecision')}
        >
          <option value="">{t('persons.form.noBirthDate')}</option>
          <CodeOptions codes={birthDatePrecisions} label={(p) => t(`persons.birthDatePrecisions.${p}`)} />
        </SelectField>
        {values.birthPrecision === 'year' ? (
          <Textfield
            {...form.field('birthDate')}
            label={t('persons.form.birthYear')}
            description={t('persons.form.birthYearHelp')}
            inputMode="numeric"
            autoComplete="off"
          />
        ) : values.birthPrecision !== '' ? (
          <Textfield {...form.field('birthDate')} label={t('persons.form.birthDate')} type="date" />
        ) : null}
        <Textfield
          {...form.field('identityNumber')}
          label={t('persons.form.identityNumber')}
          description={t('persons.form.identityNumberHelp')}
          inputMode="numeric"
          autoComplete="off"
        />
        <Textfield
          {...form.field('dufNumber')}
          label={t('persons.form.dufNumber')}
          description={t('persons.form.dufNumberHelp')}
          inputMode="numeric"
          autoComplete="off"
        />
        {patch.identityChanged ? (
          <Textfield
            {...form.field('identityChangeReason')}
            label={t('persons.form.identityChangeReason')}
            description={t('persons.form.identityChangeReasonHelp')}
            autoComplete="off"
            required
          />
        ) : null}
        <Textfield
          {...form.field('nationality')}
          label={t('persons.form.nationality')}
          description={t('persons.form.nationalityHelp')}
          autoComplete="off"
          maxLength={3}
        />
        <Fieldset>
          <Fieldset.Legend>{t('persons.form.languagesLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('persons.form.languagesHelp')}</Fieldset.Description>
          {languages.map((language, index) => {
            const n = index + 1;
            return (
              <div key={index} className="form-stack">
                <Textfield
                  id={`person-language-${index}`}
                  label={t('persons.form.languageCode', { n })}
                  value={language.code}
                  onChange={(event) => setLanguage(index, { code: event.target.value.trim().toLowerCase() })}
                  autoComplete="off"
                  maxLength={3}
                />
                <Checkbox
                  id={`person-language-${index}-interpreter`}
                  label={t('persons.form.interpreter', { n })}
                  checked={language.interpreterNeeded}
                  onChange={(event) => setLanguage(index, { interpreterNeeded: event.target.checked })}
                />
                <Checkbox
                  id={`person-language-${index}-letters`}
                  label={t('persons.form.letters', { n })}
                  checked={language.preferredForLetters}
                  onChange={(event) => setLanguage(index, { preferredForLetters: event.target.checked })}
                />
                <div>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => setLanguages((rows) => rows.filter((_, i) => i !== index))}
                  >
                    {t('persons.form.removeLanguage', { n })}
                  </Button>
                </div>
              </div>
            );
          })}
          {form.fieldMessage('languages') ? (
            <ValidationMessage>{form.fieldMessage('languages')}</ValidationMessage>
          ) : null}
          <div>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() =>
                setLanguages((rows) => [...rows, { code: '', interpreterNeeded: false, preferredForLetters: false }])
              }
            >
              {t('persons.form.addLanguage')}
            </Button>
          </div>
        </Fieldset>
        <SelectField {...form.field('refugeeCategory')} label={t('persons.form.refugeeCategory')}>
          <option value="">{t('persons.form.noCategory')}</option>
          <CodeOptions codes={refugeeCategories} label={(c) => t(`persons.refugeeCategories.${c}`)} />
        </SelectField>
        <Textfield {...form.field('receptionCentre')} label={t('persons.form.receptionCentre')} autoComplete="off" />
        <Textfield {...form.field('residencePermitDate')} label={t('persons.form.residencePermitDate')} type="date" />
        <Textfield {...form.field('arrivalDate')} label={t('persons.form.arrivalDate')} type="date" />
        <Textfield {...form.field('settlementDate')} label={t('persons.form.settlementDate')} type="date" />
        <SelectField {...form.field('introProgramme')} label={t('persons.form.introProgramme')}>
          <CodeOptions codes={introProgrammeStatuses} label={(s) => t(`persons.introProgrammeStatuses.${s}`)} />
        </SelectField>
        <Textfield {...form.field('introProgrammeStart')} label={t('persons.form.introProgrammeStart')} type="date" />
        <Textfield {...form.field('introProgrammeEnd')} label={t('persons.form.introProgrammeEnd')} type="date" />
        <SubmitButton
          pending={update.isPending}
          label={t('persons.form.submit')}
          pendingLabel={t('persons.form.submitting')}
        />
      </form>
    </PageSection>
  );
}
