import { Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { anonymiseRequest, type PersonDto } from '../../../../shared/api/persons';
import { SubmitFailure } from '../../../app/errors';
import { fieldCodesFromZod } from '../../../app/form-errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { CheckboxGroupField } from '../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { SubmitButton } from '../../../components/SubmitButton';
import { exportUrls, useAnonymisePerson } from '../persons.api';

/** GDPR art. 15 (export as JSON and PDF) and erasure by anonymisation after the retention period. */
export function DataSubjectRights({ person }: { person: PersonDto }) {
  const { t } = useI18n();
  const urls = exportUrls(person.id);
  return (
    <PageSection headingId="person-rights-heading" heading={t('persons.rights.heading')}>
      {person.actions.export ? (
        <>
          <Paragraph>{t('persons.rights.exportIntro')}</Paragraph>
          <ul className="link-list">
            <li>
              <Link href={urls.json} download>
                {t('persons.rights.exportJson')}
              </Link>
            </li>
            <li>
              <Link href={urls.pdf} download>
                {t('persons.rights.exportPdf')}
              </Link>
            </li>
          </ul>
        </>
      ) : null}
      {person.actions.anonymise && person.anonymisedAt === null ? <AnonymiseForm person={person} /> : null}
    </PageSection>
  );
}

function AnonymiseForm({ person }: { person: PersonDto }) {
  const { t, errorText } = useI18n();
  const anonymise = useAnonymisePerson(person.id);
  const form = useForm({
    initial: { reason: '', confirm: [] as string[] },
    fieldIds: { reason: 'anonymise-reason', confirm: 'anonymise-confirm' },
    message: (field, code) => (field === 'confirm' ? t('persons.rights.confirmRequired') : errorText(code)),
  });
  const submit = () => {
    anonymise.reset();
    const parsed = anonymiseRequest.safeParse({ reason: form.values.reason });
    const codes = parsed.success ? {} : fieldCodesFromZod(parsed.error);
    const confirmed = form.values.confirm.length > 0;
    form.setFieldCodes(confirmed ? codes : { ...codes, confirm: 'required' });
    if (!parsed.success || !confirmed) return;
    anonymise.mutate(parsed.data, { onError: form.showRefusal });
  };
  return (
    <>
      <Heading level={3} data-size="xs" id="anonymise-heading">
        {t('persons.rights.anonymiseHeading')}
      </Heading>
      <Paragraph>{t('persons.rights.anonymiseIntro')}</Paragraph>
      <SubmitFailure error={anonymise.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('persons.rights.errorSummaryHeading')} headingLevel={4} />
      <form
        noValidate
        aria-labelledby="anonymise-heading"
        onSubmit={form.submitHandler(submit, anonymise.isPending)}
        className="form-stack narrow"
      >
        <Textfield
          {...form.field('reason')}
          label={t('persons.rights.reason')}
          description={t('persons.rights.reasonHelp')}
          autoComplete="off"
          required
        />
        <CheckboxGroupField
          id="anonymise-confirm"
          legend={t('persons.rights.anonymiseHeading')}
          options={[{ value: 'yes', label: t('persons.rights.confirm') }]}
          value={form.values.confirm}
          onChange={(next) => form.setValue('confirm', next)}
          error={form.fieldMessage('confirm')}
        />
        <SubmitButton
          pending={anonymise.isPending}
          label={t('persons.rights.submit')}
          pendingLabel={t('persons.rights.submitting')}
        />
      </form>
    </>
  );
}
