import { Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { createLetterRequest, letterKinds, letterLanguages, type LetterKind } from '../../../../shared/api/letters';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SubmitFailure } from '../../../app/errors';
import { fieldCodesFromRefusal, fieldCodesFromZod, type FieldCodes } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { useForm } from '../../../app/use-form';
import { useCreateLetter } from './letters.api';
import { SuccessNotice } from '../../../components/SuccessNotice';

const fieldIds = {
  kind: 'letter-kind',
  language: 'letter-language',
  meetingDate: 'letter-meeting-date',
  meetingTime: 'letter-meeting-time',
  meetingPlace: 'letter-meeting-place',
  interpreterLanguage: 'letter-interpreter-language',
} as const;

type Values = {
  kind: string;
  language: string;
  meetingDate: string;
  meetingTime: string;
  meetingPlace: string;
  interpreterLanguage: string;
};

/** The request's `meetingAt` is the date and time fields together: problems with it show at the date. */
function toFormCodes(codes: FieldCodes): FieldCodes {
  const { meetingAt, ...rest } = codes;
  return meetingAt !== undefined && rest['meetingDate'] === undefined ? { ...rest, meetingDate: meetingAt } : rest;
}

/**
 * Make a letter for the lease's tenant: the notice that the tenancy period ends, or the invitation
 * to a meeting about next steps (date, time and place; interpreter). The meeting time is Norwegian
 * wall-clock time; the server reads it as Europe/Oslo whatever the browser's time zone.
 */
export function CreateLetterForm({ leaseId }: { leaseId: string }) {
  const { t, errorText } = useI18n();
  const session = useSession();
  const create = useCreateLetter(leaseId);
  const [created, setCreated] = useState<LetterKind | null>(null);
  const [interpreterBooked, setInterpreterBooked] = useState(false);
  const form = useForm<Values>({
    initial: {
      kind: 'lease_end_notice',
      language: session.municipality.language,
      meetingDate: '',
      meetingTime: '',
      meetingPlace: '',
      interpreterLanguage: '',
    },
    fieldIds,
    message: (field, code) => {
      const missing = code === 'invalid_type' || code === 'required';
      if (field === 'meetingDate' && code === 'too_small') return t('letters.form.meetingInPast');
      if (field === 'meetingDate' && missing) return t('letters.form.meetingDateRequired');
      if (field === 'meetingDate' && code === 'invalid_format') return t('letters.form.meetingInvalid');
      if (field === 'meetingTime' && missing) return t('letters.form.meetingTimeRequired');
      return errorText(code);
    },
  });
  const isMeeting = form.values.kind === 'next_steps_meeting';

  const submit = () => {
    setCreated(null);
    create.reset();
    const missing: FieldCodes = {};
    if (isMeeting && !form.values.meetingDate) missing['meetingDate'] = 'required';
    if (isMeeting && !form.values.meetingTime) missing['meetingTime'] = 'required';
    if (Object.keys(missing).length > 0) {
      form.setFieldCodes(missing);
      return;
    }
    const parsed = createLetterRequest.safeParse({
      kind: form.values.kind,
      language: form.values.language,
      ...(isMeeting
        ? {
            meetingAt: `${form.values.meetingDate}T${form.values.meetingTime}`,
            meetingPlace: form.values.meetingPlace,
            interpreterBooked,
            interpreterLanguage: interpreterBooked ? form.values.interpreterLanguage : '',
          }
        : {}),
    });
    if (!parsed.success) {
      form.setFieldCodes(toFormCodes(fieldCodesFromZod(parsed.error)));
      return;
    }
    form.setFieldCodes({});
    create.mutate(parsed.data, {
      onSuccess: (letter) => {
        setCreated(letter.kind);
        form.reset();
        setInterpreterBooked(false);
      },
      onError: (error) => {
        const codes = fieldCodesFromRefusal(error);
        if (codes) form.setFieldCodes(toFormCodes(codes));
      },
    });
  };

  return (
    <div className="form-stack narrow">
      {created !== null ? (
        <SuccessNotice>{t('letters.form.success', { kind: t(`letters.kinds.${created}`) })}</SuccessNotice>
      ) : null}
      <SubmitFailure error={create.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('letters.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, create.isPending)} className="form-stack">
        <SelectField {...form.field('kind')} label={t('letters.form.kind')} required>
          <CodeOptions codes={letterKinds} label={(kind) => t(`letters.kinds.${kind}`)} />
        </SelectField>
        <SelectField {...form.field('language')} label={t('letters.form.language')} required>
          <CodeOptions codes={letterLanguages} label={(language) => t(`letters.languages.${language}`)} />
        </SelectField>
        {isMeeting ? (
          <>
            <Textfield {...form.field('meetingDate')} label={t('letters.form.meetingDate')} type="date" required />
            <Textfield
              {...form.field('meetingTime')}
              label={t('letters.form.meetingTime')}
              description={t('letters.form.meetingTimeDescription')}
              type="time"
              required
            />
            <Textfield
              {...form.field('meetingPlace')}
              label={t('letters.form.meetingPlace')}
              description={t('letters.form.meetingPlaceDescription')}
              autoComplete="off"
            />
            <Checkbox
              id="letter-interpreter-booked"
              label={t('letters.form.interpreterBooked')}
              checked={interpreterBooked}
              onChange={(event) => setInterpreterBooked(event.target.checked)}
            />
            {interpreterBooked ? (
              <Textfield
                {...form.field('interpreterLanguage')}
                label={t('letters.form.interpreterLanguage')}
                description={t('letters.form.interpreterLanguageDescription')}
                autoComplete="off"
              />
            ) : null}
          </>
        ) : null}
        <SubmitButton
          pending={create.isPending}
          label={t('letters.form.submit')}
          pendingLabel={t('letters.form.submitting')}
        />
      </form>
    </div>
  );
}
