import { Alert, Button, Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import type { AllocationSettingsDto, OfferDto } from '../../../../shared/api/allocation';
import { refusalConsequences } from '../../../../shared/domain/allocation-criteria';
import { addDays, osloToday } from '../../../../shared/domain/calendar-date';
import { isVersionConflict, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { allocationKey, useAnswerOffer, useMakeOffer, useWithdrawOffer } from '../offers.api';

/** Languages of the letter's summary (the common languages of refugees settled in Norway). */
export const summaryLanguages = ['none', 'ar', 'ti', 'uk', 'prs', 'so', 'en'] as const;

/**
 * Why a submit failed. A version conflict (412: someone else changed the offer since the page was
 * loaded) gets its own message and a reload; other failures as SubmitFailure.
 */
export function OfferSubmitFailure({
  error,
  explained,
  onReload,
}: {
  error: unknown;
  explained: boolean;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  if (isVersionConflict(error)) {
    return (
      <Alert data-color="warning" role="alert" className="notice">
        <Paragraph>{t('allocationOffers.stale')}</Paragraph>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            onReload();
            void client.invalidateQueries({ queryKey: allocationKey });
          }}
        >
          {t('allocationOffers.reload')}
        </Button>
      </Alert>
    );
  }
  return <SubmitFailure error={error} explained={explained} />;
}

/** reserved → "Send tilbud": the answer deadline, the letter's written standard and summary language. */
export function OfferSendForm({
  offer,
  settings,
  onDone,
}: {
  offer: OfferDto;
  settings: AllocationSettingsDto;
  onDone: (notice: string) => void;
}) {
  const { t, errorText } = useI18n();
  const makeOffer = useMakeOffer(offer.id);
  const form = useForm({
    initial: {
      answerDue: addDays({ date: osloToday(new Date()), days: settings.offerAnswerDays }),
      form: 'nb',
      summaryLanguage: 'none',
    },
    fieldIds: { answerDue: 'offer-answer-due', form: 'offer-letter-form', summaryLanguage: 'offer-summary-language' },
    refusalFields: { 'allocation.answer_due_invalid': 'answerDue' },
    message: (_field, code) => errorText(code),
  });
  const v = form.values;
  const submit = () => {
    makeOffer.reset();
    if (!v.answerDue) {
      form.setFieldCodes({ answerDue: 'allocation.answer_due_invalid' });
      return;
    }
    form.setFieldCodes({});
    makeOffer.mutate(
      {
        version: offer.version,
        body: {
          answerDue: v.answerDue,
          form: v.form === 'nn' ? 'nn' : 'nb',
          ...(v.summaryLanguage !== 'none' ? { summaryLanguage: v.summaryLanguage } : {}),
        },
      },
      { onSuccess: () => onDone(t('allocationOffers.send.done')), onError: form.showRefusal },
    );
  };
  return (
    <PageSection headingId="offer-send-heading" heading={t('allocationOffers.send.heading')}>
      <Paragraph>{t('allocationOffers.send.help')}</Paragraph>
      <OfferSubmitFailure error={makeOffer.error} explained={form.hasFieldExplanation} onReload={makeOffer.reset} />
      <FormErrorSummary {...form.summary} heading={t('allocationOffers.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, makeOffer.isPending)} className="form-stack narrow">
        <Textfield {...form.field('answerDue')} type="date" label={t('allocationOffers.send.answerDue')} />
        <SelectField {...form.field('form')} label={t('allocationOffers.send.form')}>
          <CodeOptions codes={['nb', 'nn'] as const} label={(f) => t(`allocationOffers.send.forms.${f}`)} />
        </SelectField>
        <SelectField {...form.field('summaryLanguage')} label={t('allocationOffers.send.summaryLanguage')}>
          <CodeOptions codes={summaryLanguages} label={(l) => t(`allocationOffers.send.summaryLanguages.${l}`)} />
        </SelectField>
        <SubmitButton
          pending={makeOffer.isPending}
          label={t('allocationOffers.send.submit')}
          pendingLabel={t('allocationOffers.send.submitting')}
        />
      </form>
    </PageSection>
  );
}

/** offered → "Registrer svar": accepted, or refused with a reason, the household's words and the consequence (R5.6). */
export function OfferAnswerForm({
  offer,
  settings,
  onDone,
}: {
  offer: OfferDto;
  settings: AllocationSettingsDto;
  onDone: (notice: string) => void;
}) {
  const { t, errorText } = useI18n();
  const answer = useAnswerOffer(offer.id);
  const form = useForm({
    initial: { answer: '', answeredOn: osloToday(new Date()), reasonCode: '', text: '', consequence: '' },
    fieldIds: {
      answer: 'answer-accepted',
      answeredOn: 'answer-answered-on',
      reasonCode: 'answer-reason',
      text: 'answer-text',
      consequence: 'answer-consequence',
    },
    refusalFields: { 'allocation.refusal_reason_unknown': 'reasonCode' },
    message: (field, code) => {
      if (code !== 'required') return errorText(code);
      if (field === 'answer') return t('allocationOffers.answer.answerRequired');
      if (field === 'reasonCode') return t('allocationOffers.answer.reasonRequired');
      if (field === 'consequence') return t('allocationOffers.answer.consequenceRequired');
      return errorText(code);
    },
  });
  const v = form.values;
  const refused = v.answer === 'refused';
  const submit = () => {
    answer.reset();
    const missing: Record<string, string> = {};
    if (v.answer !== 'accepted' && v.answer !== 'refused') missing['answer'] = 'required';
    if (refused && !v.reasonCode) missing['reasonCode'] = 'required';
    if (refused && !(refusalConsequences as readonly string[]).includes(v.consequence)) missing['consequence'] = 'required';
    form.setFieldCodes(missing);
    if (Object.keys(missing).length > 0) return;
    const answeredOn = v.answeredOn ? { answeredOn: v.answeredOn } : {};
    const body =
      v.answer === 'accepted'
        ? { answer: 'accepted' as const, ...answeredOn }
        : {
            answer: 'refused' as const,
            ...answeredOn,
            reasonCode: v.reasonCode,
            text: v.text.trim(),
            consequence: v.consequence as (typeof refusalConsequences)[number],
          };
    answer.mutate(
      { version: offer.version, body },
      {
        onSuccess: () =>
          onDone(
            t(body.answer === 'accepted' ? 'allocationOffers.answer.doneAccepted' : 'allocationOffers.answer.doneRefused'),
          ),
        onError: form.showRefusal,
      },
    );
  };
  const answerError = form.fieldMessage('answer');
  return (
    <PageSection headingId="offer-answer-heading" heading={t('allocationOffers.answer.heading')}>
      <OfferSubmitFailure error={answer.error} explained={form.hasFieldExplanation} onReload={answer.reset} />
      <FormErrorSummary {...form.summary} heading={t('allocationOffers.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, answer.isPending)} className="form-stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('allocationOffers.answer.legend')}</Fieldset.Legend>
          {(['accepted', 'refused'] as const).map((a) => (
            <Radio
              key={a}
              id={a === 'accepted' ? 'answer-accepted' : 'answer-refused'}
              name="answer"
              value={a}
              label={t(`allocationOffers.answer.${a}`)}
              checked={v.answer === a}
              aria-invalid={answerError ? true : undefined}
              onChange={() => form.setValue('answer', a)}
            />
          ))}
          {answerError ? <ValidationMessage>{answerError}</ValidationMessage> : null}
        </Fieldset>
        <Textfield {...form.field('answeredOn')} type="date" label={t('allocationOffers.answer.answeredOn')} />
        {refused ? (
          <>
            <SelectField {...form.field('reasonCode')} label={t('allocationOffers.answer.reason')}>
              <option value="">{t('allocationOffers.answer.chooseReason')}</option>
              {settings.refusalReasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <Textfield
              {...form.field('text')}
              label={t('allocationOffers.answer.text')}
              description={t('allocationOffers.answer.textHelp')}
              multiline
              rows={3}
            />
            <SelectField {...form.field('consequence')} label={t('allocationOffers.answer.consequence')}>
              <option value="">{t('allocationOffers.answer.chooseConsequence')}</option>
              <CodeOptions codes={refusalConsequences} label={(c) => t(`allocationOffers.consequences.${c}`)} />
            </SelectField>
          </>
        ) : null}
        <SubmitButton
          pending={answer.isPending}
          label={t('allocationOffers.answer.submit')}
          pendingLabel={t('allocationOffers.answer.submitting')}
        />
      </form>
    </PageSection>
  );
}

/** reserved/offered → "Trekk tilbake" with the reason (the dwelling is freed). */
export function OfferWithdrawForm({ offer, onDone }: { offer: OfferDto; onDone: (notice: string) => void }) {
  const { t, errorText } = useI18n();
  const withdraw = useWithdrawOffer(offer.id);
  const form = useForm({
    initial: { reason: '' },
    fieldIds: { reason: 'withdraw-reason' },
    message: (_field, code) => (code === 'required' ? t('allocationOffers.withdraw.reasonRequired') : errorText(code)),
  });
  const submit = () => {
    withdraw.reset();
    const reason = form.values.reason.trim();
    if (!reason) {
      form.setFieldCodes({ reason: 'required' });
      return;
    }
    form.setFieldCodes({});
    withdraw.mutate(
      { version: offer.version, body: { reason } },
      { onSuccess: () => onDone(t('allocationOffers.withdraw.done')), onError: form.showRefusal },
    );
  };
  return (
    <PageSection headingId="offer-withdraw-heading" heading={t('allocationOffers.withdraw.heading')}>
      <Paragraph>{t('allocationOffers.withdraw.help')}</Paragraph>
      <OfferSubmitFailure error={withdraw.error} explained={form.hasFieldExplanation} onReload={withdraw.reset} />
      <FormErrorSummary {...form.summary} heading={t('allocationOffers.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, withdraw.isPending)} className="form-stack narrow">
        <Textfield {...form.field('reason')} label={t('allocationOffers.withdraw.reason')} multiline rows={2} />
        <div>
          <Button type="submit" variant="secondary" loading={withdraw.isPending}>
            {withdraw.isPending ? t('allocationOffers.withdraw.submitting') : t('allocationOffers.withdraw.submit')}
          </Button>
        </div>
      </form>
    </PageSection>
  );
}
