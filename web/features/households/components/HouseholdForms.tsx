import { Checkbox, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import {
  accessibilityNeeds,
  incomeSources,
  updateHouseholdRequest,
  type HouseholdDto,
} from '../../../../shared/api/households';
import { isVersionConflict, SubmitFailure } from '../../../app/errors';
import { refugeeCategories } from '../../../../shared/api/persons';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { CheckboxGroupField } from '../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { blankToNull, kronerToOre, oreToKroner, refusalField, wholeNumber } from '../household-form';
import { useUpdateHousehold } from '../households.api';

const locationKeys = ['nearSchool', 'nearKindergarten', 'nearIntroSite'] as const;

/** Refusal code → field, for useForm (the household forms' fields). */
const refusalFields = Object.fromEntries(
  Object.entries(refusalField).filter(([, field]) =>
    ['guardianName', 'imdiCaseId', 'arrivalDate', 'settlementDate'].includes(field),
  ),
) as Record<string, 'guardianName' | 'imdiCaseId'>;

/**
 * "Endre saken, behov og inntekt": the case facts, the guardian (EM), the housing-needs profile
 * and income sources, PATCHed with If-Match. Accessibility (functional needs) is only in the
 * form for those who may write it; the server refuses it from anyone else.
 */
export function HouseholdEditForm({ household }: { household: HouseholdDto }) {
  const { t, errorText } = useI18n();
  const update = useUpdateHousehold(household.id);
  const [saved, setSaved] = useState(false);
  const writeNeeds = household.actions.writeFunctionalNeeds;
  const showGuardian = household.category === 'unaccompanied_minor' || household.guardian !== null;
  const form = useForm({
    initial: {
      category: household.category as string,
      imdiCaseId: household.imdiCaseId ?? '',
      residencePermitDate: household.residencePermitDate ?? '',
      receptionCentre: household.receptionCentre ?? '',
      plannedArrivalDate: household.plannedArrivalDate ?? '',
      agreedTargetDays: household.agreedTargetDays === null ? '' : String(household.agreedTargetDays),
      guardianName: household.guardian?.name ?? '',
      guardianPhone: household.guardian?.phone ?? '',
      guardianEmail: household.guardian?.email ?? '',
      guardianAppointedOn: household.guardian?.appointedOn ?? '',
      accessibility: household.needs.accessibility ?? '',
      supportNeed: household.needs.supportNeed ? 'yes' : '',
      location: locationKeys.filter((k) => household.needs[k]) as string[],
      preferredArea: household.needs.preferredArea,
      maxRent: oreToKroner(household.needs.maxRentOre),
      incomeSources: [...household.incomeSources] as string[],
      needsNotes: household.needs.notes,
      reunificationAdults: String(household.reunification.adults),
      reunificationChildren: String(household.reunification.children),
      reunificationExpectedOn: household.reunification.expectedOn ?? '',
    },
    fieldIds: {
      category: 'edit-category',
      imdiCaseId: 'edit-imdiCaseId',
      residencePermitDate: 'edit-residencePermitDate',
      receptionCentre: 'edit-receptionCentre',
      plannedArrivalDate: 'edit-plannedArrivalDate',
      agreedTargetDays: 'edit-agreedTargetDays',
      guardianName: 'edit-guardianName',
      guardianPhone: 'edit-guardianPhone',
      guardianEmail: 'edit-guardianEmail',
      guardianAppointedOn: 'edit-guardianAppointedOn',
      accessibility: 'edit-accessibility',
      supportNeed: 'edit-supportNeed',
      location: 'edit-location',
      preferredArea: 'edit-preferredArea',
      maxRent: 'edit-maxRent',
      incomeSources: 'edit-incomeSources',
      needsNotes: 'edit-needsNotes',
      reunificationAdults: 'edit-reunificationAdults',
      reunificationChildren: 'edit-reunificationChildren',
      reunificationExpectedOn: 'edit-reunificationExpectedOn',
    },
    refusalFields,
    message: (field, code) => {
      if (code === 'maxRent.invalid') return t('households.form.maxRentInvalid');
      if (code === 'number.invalid') return t('households.form.numberInvalid');
      void field;
      return errorText(code);
    },
  });
  const v = form.values;

  const submit = () => {
    setSaved(false);
    update.reset();
    const maxRentOre = kronerToOre(v.maxRent);
    const adults = wholeNumber(v.reunificationAdults);
    const children = wholeNumber(v.reunificationChildren);
    const target = wholeNumber(v.agreedTargetDays);
    const local: Record<string, string> = {};
    if (maxRentOre === undefined) local['maxRent'] = 'maxRent.invalid';
    if (typeof adults === 'string') local['reunificationAdults'] = 'number.invalid';
    if (typeof children === 'string') local['reunificationChildren'] = 'number.invalid';
    if (typeof target === 'string') local['agreedTargetDays'] = 'number.invalid';
    if (Object.keys(local).length > 0) {
      form.setFieldCodes(local);
      return;
    }
    const request = form.validate(updateHouseholdRequest, {
      category: v.category,
      imdiCaseId: blankToNull(v.imdiCaseId),
      residencePermitDate: blankToNull(v.residencePermitDate),
      receptionCentre: blankToNull(v.receptionCentre),
      plannedArrivalDate: blankToNull(v.plannedArrivalDate),
      agreedTargetDays: typeof target === 'number' ? target : null,
      ...(showGuardian
        ? {
            guardianName: blankToNull(v.guardianName),
            guardianPhone: v.guardianPhone.trim(),
            guardianEmail: v.guardianEmail.trim(),
            guardianAppointedOn: blankToNull(v.guardianAppointedOn),
          }
        : {}),
      ...(writeNeeds && v.accessibility ? { accessibility: v.accessibility } : {}),
      // Functional-needs data too (a composition rule in allocation): only from those who may write it.
      ...(writeNeeds ? { supportNeed: v.supportNeed === 'yes' } : {}),
      nearSchool: v.location.includes('nearSchool'),
      nearKindergarten: v.location.includes('nearKindergarten'),
      nearIntroSite: v.location.includes('nearIntroSite'),
      preferredArea: v.preferredArea.trim(),
      maxRentOre: maxRentOre ?? null,
      incomeSources: v.incomeSources,
      needsNotes: v.needsNotes.trim(),
      reunificationAdults: typeof adults === 'number' ? adults : 0,
      reunificationChildren: typeof children === 'number' ? children : 0,
      reunificationExpectedOn: blankToNull(v.reunificationExpectedOn),
    });
    if (request === null) return;
    update.mutate(
      { version: household.version, changes: request },
      { onSuccess: () => setSaved(true), onError: form.showRefusal },
    );
  };

  return (
    <Details className="households-details">
      <Details.Summary>{t('households.needs.editHeading')}</Details.Summary>
      <Details.Content>
        {saved ? <SuccessNotice>{t('households.needs.saved')}</SuccessNotice> : null}
        {isVersionConflict(update.error) ? (
          <Paragraph role="alert">{t('households.transitions.stale')}</Paragraph>
        ) : (
          <SubmitFailure error={update.error} explained={form.hasFieldExplanation} />
        )}
        <FormErrorSummary {...form.summary} heading={t('households.form.errorSummaryHeading')} headingLevel={3} />
        <form noValidate onSubmit={form.submitHandler(submit, update.isPending)} className="form-stack narrow">
          <SelectField {...form.field('category')} label={t('households.form.category')}>
            <CodeOptions codes={refugeeCategories} label={(c) => t(`households.categories.${c}`)} />
          </SelectField>
          <Textfield {...form.field('imdiCaseId')} label={t('households.form.imdiCaseId')} autoComplete="off" />
          <Textfield
            {...form.field('residencePermitDate')}
            type="date"
            label={t('households.form.residencePermitDate')}
            description={t('households.form.residencePermitDateHelp')}
          />
          <Textfield {...form.field('receptionCentre')} label={t('households.form.receptionCentre')} />
          <Textfield
            {...form.field('plannedArrivalDate')}
            type="date"
            label={t('households.form.plannedArrivalDate')}
          />
          <Textfield
            {...form.field('agreedTargetDays')}
            inputMode="numeric"
            label={t('households.form.agreedTargetDays')}
            description={t('households.form.agreedTargetDaysHelp')}
          />
          {showGuardian ? (
            <>
              <Heading level={3} data-size="2xs">
                {t('households.create.guardianHeading')}
              </Heading>
              <Textfield {...form.field('guardianName')} label={t('households.form.guardianName')} />
              <Textfield {...form.field('guardianPhone')} type="tel" label={t('households.form.guardianPhone')} />
              <Textfield {...form.field('guardianEmail')} type="email" label={t('households.form.guardianEmail')} />
              <Textfield
                {...form.field('guardianAppointedOn')}
                type="date"
                label={t('households.form.guardianAppointedOn')}
              />
            </>
          ) : null}
          <Heading level={3} data-size="2xs">
            {t('households.needs.heading')}
          </Heading>
          {writeNeeds ? (
            <SelectField {...form.field('accessibility')} label={t('households.form.accessibility')}>
              <option value="">{t('households.none')}</option>
              <CodeOptions codes={accessibilityNeeds} label={(a) => t(`households.accessibility.${a}`)} />
            </SelectField>
          ) : null}
          {writeNeeds ? (
            <Checkbox
              id="edit-supportNeed"
              label={t('households.form.supportNeed')}
              description={t('households.form.supportNeedHelp')}
              checked={v.supportNeed === 'yes'}
              onChange={(event) => form.setValue('supportNeed', event.target.checked ? 'yes' : '')}
            />
          ) : null}
          <CheckboxGroupField
            id="edit-location"
            legend={t('households.form.locationLegend')}
            options={locationKeys.map((k) => ({ value: k, label: t(`households.form.${k}`) }))}
            value={v.location}
            onChange={(next) => form.setValue('location', next)}
          />
          <Textfield {...form.field('preferredArea')} label={t('households.form.preferredArea')} />
          <Textfield {...form.field('maxRent')} inputMode="decimal" label={t('households.form.maxRent')} />
          <CheckboxGroupField
            id="edit-incomeSources"
            legend={t('households.form.incomeSources')}
            options={incomeSources.map((s) => ({ value: s, label: t(`households.incomeSources.${s}`) }))}
            value={v.incomeSources}
            error={form.fieldMessage('incomeSources')}
            onChange={(next) => form.setValue('incomeSources', next)}
          />
          <Textfield {...form.field('needsNotes')} label={t('households.form.needsNotes')} multiline rows={3} />
          <Textfield
            {...form.field('reunificationAdults')}
            inputMode="numeric"
            label={t('households.form.reunificationAdults')}
          />
          <Textfield
            {...form.field('reunificationChildren')}
            inputMode="numeric"
            label={t('households.form.reunificationChildren')}
          />
          <Textfield
            {...form.field('reunificationExpectedOn')}
            type="date"
            label={t('households.form.reunificationExpectedOn')}
          />
          <SubmitButton
            pending={update.isPending}
            label={t('households.needs.submit')}
            pendingLabel={t('households.needs.submitting')}
          />
        </form>
      </Details.Content>
    </Details>
  );
}

/**
 * The arrival date: setting or moving it (re)generates the move-in checklist on the server.
 * Render it with `key={household.arrivalDate}` so it shows the date the server has; `saved` is
 * kept by the page, since that remounts the form.
 */
export function ArrivalForm({
  household,
  saved,
  onSaved,
}: {
  household: HouseholdDto;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t, errorText } = useI18n();
  const update = useUpdateHousehold(household.id);
  const setSaved = onSaved;
  const form = useForm({
    initial: { arrivalDate: household.arrivalDate ?? '' },
    fieldIds: { arrivalDate: 'arrival-date' },
    refusalFields: { 'pipeline.settlement_date_invalid': 'arrivalDate' },
    message: (_field, code) => errorText(code),
  });
  const submit = () => {
    setSaved(false);
    update.reset();
    const request = form.validate(updateHouseholdRequest, { arrivalDate: blankToNull(form.values.arrivalDate) });
    if (request === null) return;
    update.mutate(
      { version: household.version, changes: request },
      { onSuccess: () => setSaved(true), onError: form.showRefusal },
    );
  };
  return (
    <PageSection headingId="household-arrival-heading" heading={t('households.arrival.heading')}>
      <Paragraph>{t('households.arrival.help')}</Paragraph>
      {saved ? <SuccessNotice>{t('households.arrival.saved')}</SuccessNotice> : null}
      {isVersionConflict(update.error) ? (
        <Paragraph role="alert">{t('households.transitions.stale')}</Paragraph>
      ) : (
        <SubmitFailure error={update.error} explained={form.hasFieldExplanation} />
      )}
      <FormErrorSummary {...form.summary} heading={t('households.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, update.isPending)} className="form-stack narrow">
        <Textfield {...form.field('arrivalDate')} type="date" label={t('households.arrival.arrivalDate')} />
        <SubmitButton
          pending={update.isPending}
          label={t('households.arrival.submit')}
          pendingLabel={t('households.arrival.submitting')}
        />
      </form>
    </PageSection>
  );
}
