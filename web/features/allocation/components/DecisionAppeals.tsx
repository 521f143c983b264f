import { Details, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { appealStates, type AppealDto, type DecisionDto } from '../../../../shared/api/allocation';
import { osloToday } from '../../../../shared/domain/calendar-date';
import { formatDate } from '../../../../shared/i18n';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { useCreateAppeal, useUpdateAppeal, type AppealState } from '../offers.api';
import { OfferSubmitFailure } from './OfferForms';

/**
 * The appeals against a decision (forvaltningsloven § 28: three weeks) and their handling: the
 * office upholds or reverses it, or sends it on to the appeal body, which decides.
 */
export function DecisionAppeals({ decision }: { decision: DecisionDto }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const none = t('allocationOffers.none');
  return (
    <PageSection headingId="decision-appeals-heading" heading={t('allocationOffers.appeals.heading')}>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {decision.appeals.length === 0 ? (
        <Paragraph>{t('allocationOffers.appeals.empty')}</Paragraph>
      ) : (
        <ScrollTable labelledBy="decision-appeals-heading">
          <TableHeader
            columns={[
              t('allocationOffers.appeals.receivedOn'),
              t('allocationOffers.appeals.grounds'),
              t('allocationOffers.appeals.late'),
              t('allocationOffers.appeals.state'),
              t('allocationOffers.appeals.outcomeOn'),
              t('allocationOffers.appeals.outcomeNote'),
            ]}
          />
          <Table.Body>
            {decision.appeals.map((a) => (
              <Table.Row key={a.id}>
                <Table.Cell className="nowrap">{formatDate(a.receivedOn)}</Table.Cell>
                <Table.Cell>{a.grounds}</Table.Cell>
                <Table.Cell>
                  {a.late ? t('allocationOffers.appeals.lateValue') : t('allocationOffers.appeals.onTime')}
                </Table.Cell>
                <Table.Cell>{t(`allocationOffers.appeals.states.${a.state}`)}</Table.Cell>
                <Table.Cell className="nowrap">{a.outcomeOn ? formatDate(a.outcomeOn) : none}</Table.Cell>
                <Table.Cell>{a.outcomeNote || none}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      )}
      {decision.actions.appeal
        ? decision.appeals.map((a) => (
            <AppealStatusForm
              key={`${a.id}-${a.version}`}
              appeal={a}
              onDone={() => setNotice(t('allocationOffers.appeals.updated'))}
            />
          ))
        : null}
      {decision.actions.appeal ? (
        <AppealCreateForm
          key={decision.appeals.length}
          decisionId={decision.id}
          onDone={() => setNotice(t('allocationOffers.appeals.created'))}
        />
      ) : null}
    </PageSection>
  );
}

function AppealCreateForm({ decisionId, onDone }: { decisionId: string; onDone: () => void }) {
  const { t, errorText } = useI18n();
  const create = useCreateAppeal(decisionId);
  const form = useForm({
    initial: { receivedOn: osloToday(new Date()), grounds: '' },
    fieldIds: { receivedOn: 'appeal-received-on', grounds: 'appeal-grounds' },
    message: (field, code) => {
      if (code !== 'required') return errorText(code);
      return field === 'grounds'
        ? t('allocationOffers.appeals.groundsRequired')
        : t('allocationOffers.appeals.receivedRequired');
    },
  });
  const submit = () => {
    create.reset();
    const codes: Record<string, string> = {};
    if (!form.values.receivedOn) codes['receivedOn'] = 'required';
    if (!form.values.grounds.trim()) codes['grounds'] = 'required';
    form.setFieldCodes(codes);
    if (Object.keys(codes).length > 0) return;
    create.mutate(
      { receivedOn: form.values.receivedOn, grounds: form.values.grounds.trim() },
      { onSuccess: onDone, onError: form.showRefusal },
    );
  };
  return (
    <section aria-labelledby="appeal-create-heading" className="section">
      <Heading level={3} data-size="xs" id="appeal-create-heading">
        {t('allocationOffers.appeals.createHeading')}
      </Heading>
      <OfferSubmitFailure error={create.error} explained={form.hasFieldExplanation} onReload={create.reset} />
      <FormErrorSummary {...form.summary} heading={t('allocationOffers.errorSummaryHeading')} headingLevel={4} />
      <form noValidate onSubmit={form.submitHandler(submit, create.isPending)} className="form-stack narrow">
        <Textfield {...form.field('receivedOn')} type="date" label={t('allocationOffers.appeals.receivedOn')} />
        <Textfield {...form.field('grounds')} label={t('allocationOffers.appeals.grounds')} multiline rows={4} />
        <SubmitButton
          pending={create.isPending}
          label={t('allocationOffers.appeals.createSubmit')}
          pendingLabel={t('allocationOffers.appeals.createSubmitting')}
        />
      </form>
    </section>
  );
}

function AppealStatusForm({ appeal, onDone }: { appeal: AppealDto; onDone: () => void }) {
  const { t, errorText } = useI18n();
  const update = useUpdateAppeal(appeal.id);
  const prefix = `appeal-${appeal.id}`;
  const form = useForm({
    initial: { state: appeal.state as string, outcomeOn: appeal.outcomeOn ?? '', outcomeNote: appeal.outcomeNote },
    fieldIds: { state: `${prefix}-state`, outcomeOn: `${prefix}-outcome-on`, outcomeNote: `${prefix}-outcome-note` },
    refusalFields: { 'allocation.appeal_state_invalid': 'state' },
    message: (_field, code) => errorText(code),
  });
  const submit = () => {
    update.reset();
    form.setFieldCodes({});
    const v = form.values;
    update.mutate(
      {
        version: appeal.version,
        body: {
          state: v.state as AppealState,
          ...(v.outcomeOn ? { outcomeOn: v.outcomeOn } : {}),
          outcomeNote: v.outcomeNote.trim(),
        },
      },
      { onSuccess: onDone, onError: form.showRefusal },
    );
  };
  return (
    <Details>
      <Details.Summary>
        {t('allocationOffers.appeals.updateHeading', { date: formatDate(appeal.receivedOn) })}
      </Details.Summary>
      <Details.Content>
        <OfferSubmitFailure error={update.error} explained={form.hasFieldExplanation} onReload={update.reset} />
        <FormErrorSummary {...form.summary} heading={t('allocationOffers.errorSummaryHeading')} headingLevel={4} />
        <form noValidate onSubmit={form.submitHandler(submit, update.isPending)} className="form-stack narrow">
          <SelectField {...form.field('state')} label={t('allocationOffers.appeals.state')}>
            <CodeOptions codes={appealStates} label={(s) => t(`allocationOffers.appeals.states.${s}`)} />
          </SelectField>
          <Textfield {...form.field('outcomeOn')} type="date" label={t('allocationOffers.appeals.outcomeOn')} />
          <Textfield
            {...form.field('outcomeNote')}
            label={t('allocationOffers.appeals.outcomeNote')}
            multiline
            rows={3}
          />
          <SubmitButton
            pending={update.isPending}
            label={t('allocationOffers.appeals.updateSubmit')}
            pendingLabel={t('allocationOffers.appeals.updateSubmitting')}
          />
        </form>
      </Details.Content>
    </Details>
  );
}
