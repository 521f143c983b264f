import { Alert, Button, Checkbox, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import {
  assessmentOutcomes,
  createInspectionRequest,
  createNeedsAssessmentRequest,
  renewLeaseRequest,
  terminateLeaseRequest,
  terminationReasons,
  updateLeaseRequest,
  type LeaseDto,
} from '../../../../../shared/api/leases';
import { formatMoneyOre } from '../../../../../shared/i18n';
import { SubmitFailure } from '../../../../app/errors';
import { useI18n } from '../../../../app/i18n';
import { useForm } from '../../../../app/use-form';
import { FormErrorSummary } from '../../../../components/FormErrorSummary';
import { PageSection } from '../../../../components/PageSection';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { useAddAssessment, useAddInspection, useRenewLease, useTerminateLease, useUpdateLease } from '../leases.api';
import { kronerToOre, oreToKronerText } from './money';
import { SuccessNotice } from '../../../../components/SuccessNotice';

/**
 * Rent, deposit and notes (If-Match: the version the page shows). The page remounts the form when
 * the version changes (fresh values), so it keeps the "saved" notice: `justSaved`, `onSaved`.
 */
export function EditLeaseForm({
  lease,
  justSaved,
  onSaved,
}: {
  lease: LeaseDto;
  justSaved: boolean;
  onSaved: (version: number) => void;
}) {
  const { t, errorText } = useI18n();
  const update = useUpdateLease(lease.id);
  const form = useForm({
    initial: { rentOre: oreToKronerText(lease.rentOre), depositOre: oreToKronerText(lease.depositOre), notes: lease.notes },
    fieldIds: { rentOre: 'edit-lease-rent', depositOre: 'edit-lease-deposit', notes: 'edit-lease-notes' },
    message: (field, code) => ((field === 'rentOre' || field === 'depositOre') && code === 'invalid_type' ? t('leases.form.invalidAmount') : errorText(code)),
  });
  const rent = kronerToOre(form.values.rentOre);
  const submit = () => {
    const request = form.validate(updateLeaseRequest, {
      rentOre: rent ?? undefined,
      depositOre: kronerToOre(form.values.depositOre) ?? undefined,
      notes: form.values.notes,
    });
    if (request === null) return;
    if (rent === null) {
      form.setFieldCodes({ rentOre: 'invalid_type' });
      return;
    }
    update.mutate({ version: lease.version, body: request }, { onSuccess: (updated) => onSaved(updated.version), onError: form.showRefusal });
  };
  return (
    <PageSection headingId="edit-lease-heading" heading={t('leases.edit.heading')}>
      {justSaved ? <SuccessNotice>{t('leases.detail.saved')}</SuccessNotice> : null}
      <SubmitFailure error={update.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('leases.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, update.isPending)} className="form-stack narrow">
        <Textfield {...form.field('rentOre')} label={t('leases.form.rent')} description={t('leases.form.rentHelp')} inputMode="decimal" />
        <Textfield
          {...form.field('depositOre')}
          label={t('leases.form.deposit')}
          description={`${t('leases.form.depositHelp')}${rent !== null && rent > 0 ? ` ${t('leases.form.depositLimit', { limit: formatMoneyOre(rent * 6) })}` : ''}`}
          inputMode="decimal"
        />
        <Textfield {...form.field('notes')} label={t('leases.form.notes')} multiline rows={3} />
        <SubmitButton pending={update.isPending} label={t('leases.edit.submit')} pendingLabel={t('leases.form.submitting')} />
      </form>
    </PageSection>
  );
}

export function AssessmentForm({ lease, today }: { lease: LeaseDto; today: string }) {
  const { t, errorText } = useI18n();
  const add = useAddAssessment(lease.id);
  const [saved, setSaved] = useState(false);
  const [couldBuy, setCouldBuy] = useState<'' | 'yes' | 'no'>('');
  const form = useForm({
    initial: { assessedOn: today, outcome: '', reasons: '' },
    fieldIds: { assessedOn: 'assessment-date', outcome: 'assessment-outcome', reasons: 'assessment-reasons' },
    message: (_field, code) => errorText(code),
  });
  const submit = () => {
    setSaved(false);
    const request = form.validate(createNeedsAssessmentRequest, {
      ...form.values,
      couldBuy: couldBuy === '' ? null : couldBuy === 'yes',
    });
    if (request === null) return;
    add.mutate(request, {
      onSuccess: () => {
        setSaved(true);
        form.reset();
        setCouldBuy('');
      },
      onError: form.showRefusal,
    });
  };
  return (
    <PageSection headingId="assessment-heading" heading={t('leases.assessment.heading')}>
      <Paragraph>{t('leases.assessment.help')}</Paragraph>
      {saved ? <SuccessNotice>{t('leases.assessment.saved')}</SuccessNotice> : null}
      <SubmitFailure error={add.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('leases.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, add.isPending)} className="form-stack narrow">
        <Textfield {...form.field('assessedOn')} label={t('leases.assessment.assessedOn')} type="date" required />
        <SelectField {...form.field('outcome')} label={t('leases.assessment.outcome')} required>
          <option value="">{t('leases.assessment.chooseOutcome')}</option>
          <CodeOptions codes={assessmentOutcomes} label={(o) => t(`leases.outcomes.${o}`)} />
        </SelectField>
        <Textfield {...form.field('reasons')} label={t('leases.assessment.reasons')} multiline rows={4} required />
        <Fieldset>
          <Fieldset.Legend>{t('leases.assessment.couldBuy')}</Fieldset.Legend>
          {(['', 'yes', 'no'] as const).map((value) => (
            <Radio
              key={value || 'unknown'}
              id={`assessment-could-buy-${value || 'unknown'}`}
              name="couldBuy"
              value={value}
              label={value === '' ? t('leases.assessment.couldBuyUnknown') : value === 'yes' ? t('leases.detail.yes') : t('leases.detail.no')}
              checked={couldBuy === value}
              onChange={() => setCouldBuy(value)}
            />
          ))}
        </Fieldset>
        <SubmitButton pending={add.isPending} label={t('leases.assessment.submit')} pendingLabel={t('leases.form.submitting')} />
      </form>
    </PageSection>
  );
}

/** Disabled, with the reason, until a needs assessment supporting renewal exists (R8.2). */
export function RenewForm({ lease }: { lease: LeaseDto }) {
  const { t, errorText } = useI18n();
  const renew = useRenewLease(lease.id);
  const [saved, setSaved] = useState(false);
  const [openEnded, setOpenEnded] = useState(false);
  const form = useForm({
    initial: { newEndDate: '' },
    fieldIds: { newEndDate: 'renew-end' },
    refusalFields: { 'lease.overlap': 'newEndDate' },
    message: (_field, code) => errorText(code),
  });
  const blocked = lease.renewal.allowed ? null : lease.renewal.blockedBy;
  const blockedText =
    blocked === 'lease.renewal_requires_needs_assessment'
      ? t('leases.renew.blocked.requiresAssessment')
      : blocked === 'lease.renewal_not_supported_by_assessment'
        ? t('leases.renew.blocked.notSupported')
        : blocked === 'lease.not_active'
          ? t('leases.renew.blocked.notActive')
          : blocked
            ? t('leases.renew.blocked.openEnded')
            : null;
  const submit = () => {
    setSaved(false);
    const request = form.validate(renewLeaseRequest, {
      ...(lease.renewal.assessmentId ? { assessmentId: lease.renewal.assessmentId } : {}),
      ...(openEnded ? { openEnded: true } : { newEndDate: form.values.newEndDate }),
    });
    if (request === null) return;
    renew.mutate(request, { onSuccess: () => setSaved(true), onError: form.showRefusal });
  };
  return (
    <PageSection headingId="renew-heading" heading={t('leases.renew.heading')}>
      <Paragraph>{t('leases.renew.help')}</Paragraph>
      {saved ? <SuccessNotice>{t('leases.renew.saved')}</SuccessNotice> : null}
      {blockedText ? (
        <Alert data-color="info" className="notice" id="renew-blocked">
          <Paragraph>{blockedText}</Paragraph>
        </Alert>
      ) : null}
      <SubmitFailure error={renew.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('leases.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, renew.isPending)} className="form-stack narrow">
        <fieldset disabled={blocked !== null} aria-describedby={blockedText ? 'renew-blocked' : undefined} className="form-stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <Checkbox id="renew-open-ended" label={t('leases.renew.openEnded')} checked={openEnded} onChange={(e) => setOpenEnded(e.target.checked)} />
          {!openEnded ? <Textfield {...form.field('newEndDate')} label={t('leases.renew.newEnd')} type="date" /> : null}
          <div>
            <Button type="submit" loading={renew.isPending}>
              {t('leases.renew.submit')}
            </Button>
          </div>
        </fieldset>
      </form>
    </PageSection>
  );
}

export function TerminateForm({ lease, today }: { lease: LeaseDto; today: string }) {
  const { t, errorText } = useI18n();
  const terminate = useTerminateLease(lease.id);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: { noticeGivenOn: today, terminatedOn: '', reason: '', note: '' },
    fieldIds: { noticeGivenOn: 'terminate-notice', terminatedOn: 'terminate-end', reason: 'terminate-reason', note: 'terminate-note' },
    refusalFields: { 'lease.head_lease_has_subleases': 'terminatedOn' },
    message: (_field, code) => errorText(code),
  });
  const submit = () => {
    setSaved(false);
    const request = form.validate(terminateLeaseRequest, form.values);
    if (request === null) return;
    terminate.mutate(request, { onSuccess: () => setSaved(true), onError: form.showRefusal });
  };
  return (
    <PageSection headingId="terminate-heading" heading={t('leases.terminate.heading')}>
      <Paragraph>{t('leases.terminate.help')}</Paragraph>
      {saved ? <SuccessNotice>{t('leases.terminate.saved')}</SuccessNotice> : null}
      <SubmitFailure error={terminate.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('leases.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, terminate.isPending)} className="form-stack narrow">
        <Textfield {...form.field('noticeGivenOn')} label={t('leases.terminate.noticeGivenOn')} type="date" required />
        <Textfield {...form.field('terminatedOn')} label={t('leases.terminate.terminatedOn')} type="date" required />
        <SelectField {...form.field('reason')} label={t('leases.terminate.reason')} required>
          <option value="">{t('leases.terminate.chooseReason')}</option>
          <CodeOptions codes={terminationReasons} label={(r) => t(`leases.reasons.${r}`)} />
        </SelectField>
        <Textfield {...form.field('note')} label={t('leases.terminate.note')} multiline rows={2} />
        <SubmitButton pending={terminate.isPending} label={t('leases.terminate.submit')} pendingLabel={t('leases.form.submitting')} />
      </form>
    </PageSection>
  );
}

type Damage = { description: string; cost: string };

export function InspectionForm({ lease, today }: { lease: LeaseDto; today: string }) {
  const { t, errorText } = useI18n();
  const add = useAddInspection(lease.id);
  const [saved, setSaved] = useState(false);
  const [damages, setDamages] = useState<Damage[]>([{ description: '', cost: '' }]);
  const form = useForm({
    initial: { inspectedOn: today, depositWithheldOre: '0', notes: '' },
    fieldIds: { inspectedOn: 'inspection-date', depositWithheldOre: 'inspection-withheld', notes: 'inspection-notes' },
    message: (field, code) => (field === 'depositWithheldOre' && code === 'invalid_type' ? t('leases.form.invalidAmount') : errorText(code)),
  });
  const submit = () => {
    setSaved(false);
    const request = form.validate(createInspectionRequest, {
      inspectedOn: form.values.inspectedOn,
      damages: damages
        .filter((d) => d.description.trim() || d.cost.trim())
        .map((d) => ({ description: d.description, costOre: kronerToOre(d.cost) ?? undefined })),
      depositWithheldOre: kronerToOre(form.values.depositWithheldOre) ?? undefined,
      notes: form.values.notes,
    });
    if (request === null) return;
    add.mutate(request, {
      onSuccess: () => {
        setSaved(true);
        setDamages([{ description: '', cost: '' }]);
        form.reset();
      },
      onError: form.showRefusal,
    });
  };
  const change = (index: number, patch: Partial<Damage>) => setDamages((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <PageSection headingId="inspection-heading" heading={t('leases.inspection.heading')}>
      <Paragraph>{t('leases.inspection.help', { deposit: formatMoneyOre(lease.depositOre) })}</Paragraph>
      {saved ? <SuccessNotice>{t('leases.inspection.saved')}</SuccessNotice> : null}
      <SubmitFailure error={add.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('leases.form.errorSummaryHeading')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, add.isPending)} className="form-stack narrow">
        <Textfield {...form.field('inspectedOn')} label={t('leases.inspection.inspectedOn')} type="date" required />
        {damages.map((damage, index) => (
          <Fieldset key={index}>
            <Fieldset.Legend>{t('leases.inspection.damage', { n: String(index + 1) })}</Fieldset.Legend>
            <Textfield
              id={`inspection-damage-${index}`}
              label={t('leases.inspection.damageDescription', { n: String(index + 1) })}
              value={damage.description}
              onChange={(e) => change(index, { description: e.target.value })}
            />
            <Textfield
              id={`inspection-cost-${index}`}
              label={t('leases.inspection.damageCost', { n: String(index + 1) })}
              inputMode="decimal"
              value={damage.cost}
              onChange={(e) => change(index, { cost: e.target.value })}
            />
            {damages.length > 1 ? (
              <div>
                <Button type="button" variant="tertiary" onClick={() => setDamages((all) => all.filter((_, i) => i !== index))}>
                  {t('leases.inspection.removeDamage', { n: String(index + 1) })}
                </Button>
              </div>
            ) : null}
          </Fieldset>
        ))}
        <div>
          <Button type="button" variant="secondary" onClick={() => setDamages((all) => [...all, { description: '', cost: '' }])}>
            {t('leases.inspection.addDamage')}
          </Button>
        </div>
        <Textfield {...form.field('depositWithheldOre')} label={t('leases.inspection.withheld')} inputMode="decimal" />
        <Textfield {...form.field('notes')} label={t('leases.inspection.notes')} multiline rows={2} />
        <SubmitButton pending={add.isPending} label={t('leases.inspection.submit')} pendingLabel={t('leases.form.submitting')} />
      </form>
    </PageSection>
  );
}
