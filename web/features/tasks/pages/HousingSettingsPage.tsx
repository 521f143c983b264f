import { Alert, Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import {
  normaliseLeadTimes,
  updateHousingSettingsRequest,
  type HousingSettingsDto,
} from '../../../../shared/api/housing-settings';
import { isNoAccess, isVersionConflict, NoAccessPage, QueryContent, SubmitFailure } from '../../../app/errors';
import { fieldCodesFromZod } from '../../../app/form-errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { FactList } from '../../../components/FactList';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { SubmitButton } from '../../../components/SubmitButton';
import { useHousingSettings, useUpdateHousingSettings } from '../tasks.api';
import { SuccessNotice } from '../../../components/SuccessNotice';

/** /boliginnstillinger: admins change the settings; boligkontor and eiendom read them. */
export function HousingSettingsPage() {
  const { t } = useI18n();
  usePageTitle(t('tasks.settings.title'));
  const settings = useHousingSettings();
  if (isNoAccess(settings.error)) return <NoAccessPage />;
  return (
    <>
      <PageHeading lead={t('tasks.settings.intro')}>{t('tasks.settings.title')}</PageHeading>
      <QueryContent error={settings.error} data={settings.data}>
        {(data) => (data.actions.update ? <SettingsForm settings={data} /> : <SettingsFacts settings={data} />)}
      </QueryContent>
    </>
  );
}

const months = (values: readonly number[]) => values.join(', ');

function SettingsFacts({ settings }: { settings: HousingSettingsDto }) {
  const { t } = useI18n();
  return (
    <>
      <Paragraph>{t('tasks.settings.readOnly')}</Paragraph>
      <PageSection headingId="settings-rent-heading" heading={t('tasks.settings.internalRentHeading')}>
        <Paragraph>{t('tasks.settings.internalRentHelp')}</Paragraph>
        <FactList
          facts={[{ term: t('tasks.settings.internalRentAfterMonths'), value: settings.internalRentAfterMonths }]}
        />
      </PageSection>
      <PageSection headingId="settings-lead-heading" heading={t('tasks.settings.leadTimesHeading')}>
        <Paragraph>{t('tasks.settings.leadTimesHelp')}</Paragraph>
        <FactList
          facts={[
            { term: t('tasks.settings.leadMonthsLease'), value: months(settings.leadMonthsLease) || '–' },
            { term: t('tasks.settings.leadMonthsHeadLease'), value: months(settings.leadMonthsHeadLease) || '–' },
            {
              term: t('tasks.settings.allowMultiplePrimaryLeases'),
              value: settings.allowMultiplePrimaryLeases ? '✓' : '–',
            },
          ]}
        />
      </PageSection>
      <PageSection headingId="settings-letter-heading" heading={t('tasks.settings.lettersHeading')}>
        <FactList
          facts={[
            { term: t('tasks.settings.letterSender'), value: settings.letterSender || '–' },
            { term: t('tasks.settings.letterAddress'), value: settings.letterAddress || '–' },
            { term: t('tasks.settings.letterPhone'), value: settings.letterPhone || '–' },
            { term: t('tasks.settings.letterEmail'), value: settings.letterEmail || '–' },
          ]}
        />
      </PageSection>
    </>
  );
}

/** "6, 3" → [6, 3]; anything that is not a list of whole numbers → null. */
function parseMonths(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter((p) => p !== '');
  if (!parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  return normaliseLeadTimes(parts.map(Number));
}

const fieldIds = {
  internalRentAfterMonths: 'settings-internal-rent',
  leadMonthsLease: 'settings-lead-lease',
  leadMonthsHeadLease: 'settings-lead-head-lease',
  letterSender: 'settings-letter-sender',
  letterAddress: 'settings-letter-address',
  letterPhone: 'settings-letter-phone',
  letterEmail: 'settings-letter-email',
} as const;

function SettingsForm({ settings }: { settings: HousingSettingsDto }) {
  const { t, errorText } = useI18n();
  const update = useUpdateHousingSettings();
  const [saved, setSaved] = useState(false);
  const [allowMultiple, setAllowMultiple] = useState(settings.allowMultiplePrimaryLeases);
  const form = useForm({
    initial: {
      internalRentAfterMonths: String(settings.internalRentAfterMonths),
      leadMonthsLease: months(settings.leadMonthsLease),
      leadMonthsHeadLease: months(settings.leadMonthsHeadLease),
      letterSender: settings.letterSender,
      letterAddress: settings.letterAddress,
      letterPhone: settings.letterPhone,
      letterEmail: settings.letterEmail,
    },
    fieldIds,
    message: (field, code) => {
      if (code === 'settings.lead_times_invalid') return t('tasks.settings.leadTimesInvalid');
      if (field === 'internalRentAfterMonths') return t('tasks.settings.numberInvalid');
      return errorText(code);
    },
  });

  const submit = () => {
    setSaved(false);
    update.reset();
    const v = form.values;
    const lease = parseMonths(v.leadMonthsLease);
    const headLease = parseMonths(v.leadMonthsHeadLease);
    const codes: Record<string, string> = {};
    if (!/^\d{1,2}$/.test(v.internalRentAfterMonths.trim())) codes['internalRentAfterMonths'] = 'too_big';
    if (!lease) codes['leadMonthsLease'] = 'settings.lead_times_invalid';
    if (!headLease) codes['leadMonthsHeadLease'] = 'settings.lead_times_invalid';
    const parsed = updateHousingSettingsRequest.safeParse({
      internalRentAfterMonths: Number(v.internalRentAfterMonths.trim()),
      leadMonthsLease: lease ?? [],
      leadMonthsHeadLease: headLease ?? [],
      allowMultiplePrimaryLeases: allowMultiple,
      letterSender: v.letterSender,
      letterAddress: v.letterAddress,
      letterPhone: v.letterPhone,
      letterEmail: v.letterEmail,
    });
    const all = { ...(parsed.success ? {} : fieldCodesFromZod(parsed.error)), ...codes };
    form.setFieldCodes(all);
    if (!parsed.success || Object.keys(all).length > 0) return;
    update.mutate(
      { version: settings.version, changes: parsed.data },
      { onSuccess: () => setSaved(true), onError: form.showRefusal },
    );
  };

  return (
    <>
      {saved ? <SuccessNotice>{t('tasks.settings.saved')}</SuccessNotice> : null}
      {isVersionConflict(update.error) ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{t('tasks.settings.conflict')}</Paragraph>
        </Alert>
      ) : (
        <SubmitFailure error={update.error} explained={form.hasFieldExplanation} />
      )}
      <FormErrorSummary {...form.summary} heading={t('tasks.settings.errorSummaryHeading')} />
      <form noValidate onSubmit={form.submitHandler(submit, update.isPending)}>
        <PageSection headingId="settings-rent-heading" heading={t('tasks.settings.internalRentHeading')}>
          <div className="form-stack narrow">
            <Textfield
              {...form.field('internalRentAfterMonths')}
              label={t('tasks.settings.internalRentAfterMonths')}
              description={t('tasks.settings.internalRentHelp')}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
        </PageSection>
        <PageSection headingId="settings-lead-heading" heading={t('tasks.settings.leadTimesHeading')}>
          <Paragraph>{t('tasks.settings.leadTimesHelp')}</Paragraph>
          <div className="form-stack narrow">
            <Textfield
              {...form.field('leadMonthsLease')}
              label={t('tasks.settings.leadMonthsLease')}
              autoComplete="off"
            />
            <Textfield
              {...form.field('leadMonthsHeadLease')}
              label={t('tasks.settings.leadMonthsHeadLease')}
              autoComplete="off"
            />
          </div>
        </PageSection>
        <PageSection headingId="settings-leases-heading" heading={t('tasks.settings.leasesHeading')}>
          <Checkbox
            id="settings-allow-multiple"
            label={t('tasks.settings.allowMultiplePrimaryLeases')}
            checked={allowMultiple}
            onChange={(event) => setAllowMultiple(event.target.checked)}
          />
        </PageSection>
        <PageSection headingId="settings-letter-heading" heading={t('tasks.settings.lettersHeading')}>
          <div className="form-stack narrow">
            <Textfield
              {...form.field('letterSender')}
              label={t('tasks.settings.letterSender')}
              autoComplete="organization"
            />
            <Textfield
              {...form.field('letterAddress')}
              label={t('tasks.settings.letterAddress')}
              autoComplete="street-address"
            />
            <Textfield
              {...form.field('letterPhone')}
              label={t('tasks.settings.letterPhone')}
              type="tel"
              autoComplete="tel"
            />
            <Textfield
              {...form.field('letterEmail')}
              label={t('tasks.settings.letterEmail')}
              type="email"
              autoComplete="email"
            />
            <SubmitButton
              pending={update.isPending}
              label={t('tasks.settings.save')}
              pendingLabel={t('tasks.settings.saving')}
            />
          </div>
        </PageSection>
      </form>
    </>
  );
}
