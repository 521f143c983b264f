import { Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { OfferDto } from '../../../../shared/api/allocation';
import { addMonths, isCalendarDate, osloToday } from '../../../../shared/domain/calendar-date';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { kronerToOre, oreToKroner, useCreateDecision, useDwellingRent } from '../offers.api';
import { OfferSubmitFailure } from './OfferForms';

/** Municipal dwellings are let for three years as a rule (husleieloven § 9-3 first paragraph). */
const DEFAULT_LEASE_MONTHS = 36;

/** The default end of a lease starting `start`: three years later ([start, end), lease-rules.ts). */
export function defaultLeaseEnd(start: string): string {
  return isCalendarDate(start) ? addMonths({ date: start, months: DEFAULT_LEASE_MONTHS }) : '';
}

/** accepted → "Fatt vedtak om tildeling": the assessment and the lease's terms; opens the decision. */
export function DecisionCreateForm({ offer }: { offer: OfferDto }) {
  const { data: dwelling, isPending } = useDwellingRent(offer.dwellingId, true);
  // The form starts once the rent is known (or could not be read), so the prefill is not lost.
  if (isPending) return null;
  return <DecisionCreateFormBody offer={offer} rentOre={dwelling?.rentOre ?? null} />;
}

function DecisionCreateFormBody({ offer, rentOre }: { offer: OfferDto; rentOre: number | null }) {
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const create = useCreateDecision();
  const today = osloToday(new Date());
  const [endTouched, setEndTouched] = useState(false);
  const form = useForm({
    initial: {
      assessment: '',
      startDate: today,
      endDate: defaultLeaseEnd(today),
      rent: oreToKroner(rentOre),
      deposit: '',
      form: 'nb',
    },
    fieldIds: {
      assessment: 'decision-assessment',
      startDate: 'decision-start',
      endDate: 'decision-end',
      rent: 'decision-rent',
      deposit: 'decision-deposit',
      form: 'decision-form',
    },
    refusalFields: { 'allocation.lease_terms_required': 'rent' },
    message: (field, code) => {
      if (code === 'money.invalid') return t('allocationOffers.decide.moneyInvalid');
      if (code !== 'required') return errorText(code);
      if (field === 'assessment') return t('allocationOffers.decide.assessmentRequired');
      if (field === 'startDate') return t('allocationOffers.decide.startRequired');
      if (field === 'rent') return t('allocationOffers.decide.rentRequired');
      return errorText(code);
    },
  });
  const v = form.values;

  const submit = () => {
    create.reset();
    const rent = kronerToOre(v.rent);
    const deposit = kronerToOre(v.deposit);
    const codes: Record<string, string> = {};
    if (!v.assessment.trim()) codes['assessment'] = 'required';
    if (!v.startDate) codes['startDate'] = 'required';
    if (rent === undefined) codes['rent'] = 'money.invalid';
    else if (rent === null) codes['rent'] = 'required';
    if (deposit === undefined) codes['deposit'] = 'money.invalid';
    form.setFieldCodes(codes);
    if (Object.keys(codes).length > 0 || rent === undefined || rent === null) return;
    create.mutate(
      {
        outcome: 'allocated',
        offerId: offer.id,
        assessment: v.assessment.trim(),
        form: v.form === 'nn' ? 'nn' : 'nb',
        lease: {
          startDate: v.startDate,
          endDate: v.endDate || null,
          rentOre: rent,
          ...(typeof deposit === 'number' ? { depositOre: deposit } : {}),
        },
      },
      {
        onSuccess: (created) => void navigate(`/tildeling/vedtak/${created.id}`),
        onError: form.showRefusal,
      },
    );
  };

  return (
    <PageSection headingId="offer-decide-heading" heading={t('allocationOffers.decide.heading')}>
      <Paragraph>{t('allocationOffers.decide.help')}</Paragraph>
      <OfferSubmitFailure error={create.error} explained={form.hasFieldExplanation} onReload={create.reset} />
      <FormErrorSummary {...form.summary} heading={t('allocationOffers.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, create.isPending)} className="form-stack narrow">
        <Textfield
          {...form.field('assessment')}
          label={t('allocationOffers.decide.assessment')}
          description={t('allocationOffers.decide.assessmentHelp')}
          multiline
          rows={5}
        />
        <Heading level={3} data-size="2xs">
          {t('allocationOffers.decide.leaseHeading')}
        </Heading>
        <Textfield
          {...form.field('startDate')}
          type="date"
          label={t('allocationOffers.decide.startDate')}
          onChange={(event) => {
            form.setValue('startDate', event.target.value);
            // The end follows the start until the user sets it themselves.
            if (!endTouched) form.setValue('endDate', defaultLeaseEnd(event.target.value));
          }}
        />
        <Textfield
          {...form.field('endDate')}
          type="date"
          label={t('allocationOffers.decide.endDate')}
          description={t('allocationOffers.decide.endDateHelp')}
          onChange={(event) => {
            setEndTouched(true);
            form.setValue('endDate', event.target.value);
          }}
        />
        <Textfield
          {...form.field('rent')}
          inputMode="decimal"
          label={t('allocationOffers.decide.rent')}
          description={rentOre === null ? undefined : t('allocationOffers.decide.rentHelp')}
        />
        <Textfield {...form.field('deposit')} inputMode="decimal" label={t('allocationOffers.decide.deposit')} />
        <SelectField {...form.field('form')} label={t('allocationOffers.decide.form')}>
          <CodeOptions codes={['nb', 'nn'] as const} label={(f) => t(`allocationOffers.send.forms.${f}`)} />
        </SelectField>
        <SubmitButton
          pending={create.isPending}
          label={t('allocationOffers.decide.submit')}
          pendingLabel={t('allocationOffers.decide.submitting')}
        />
      </form>
    </PageSection>
  );
}
