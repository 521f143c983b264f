import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { HouseholdDto } from '../../../../shared/api/households';
import { TRANSITIONS, type PipelineState } from '../../../../shared/domain/pipeline';
import { osloToday } from '../../../../shared/domain/calendar-date';
import { isApiError } from '../../../app/api-client';
import { isVersionConflict, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { SelectField } from '../../../components/SelectField';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { codesByField, pointerPath, refusalField } from '../household-form';
import { useReservableDwellings, useTransition } from '../households.api';

type Step = { to: PipelineState; reasonRequired: boolean };

/** The button text of a step: forward steps and exits by their target, back-steps as "Tilbake til …". */
function useStepLabel(from: PipelineState): (to: PipelineState) => string {
  const { t } = useI18n();
  return (to) => {
    const rule = TRANSITIONS[from].find((r) => r.to === to);
    return rule?.kind === 'back'
      ? t('households.backTo', { state: t(`households.states.${to}`) })
      : t(`households.transitionTo.${to}`);
  };
}

/**
 * "Neste steg": one button per step the server allows (actions.transition). Each opens a dialog
 * for what the step needs — the reason (required for back-steps and exits), the date it took
 * effect (the settlement date for 'settled') and, to reserve, the dwelling. The server decides;
 * its refusal is shown at the field it concerns.
 */
export function TransitionSection({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step | null>(null);
  const [done, setDone] = useState<PipelineState | null>(null);
  const label = useStepLabel(household.state);
  const steps = household.actions.transition;
  if (!household.actions.update && steps.length === 0) return null;
  return (
    <PageSection headingId="household-transitions-heading" heading={t('households.transitions.heading')}>
      <Paragraph>{t('households.transitions.help')}</Paragraph>
      {done ? (
        <SuccessNotice>{t('households.transitions.done', { state: t(`households.states.${done}`) })}</SuccessNotice>
      ) : null}
      {steps.length === 0 ? (
        <Paragraph>{t('households.transitions.none')}</Paragraph>
      ) : (
        <div className="households-actions">
          {steps.map((s) => (
            <Button
              key={s.to}
              type="button"
              variant={
                TRANSITIONS[household.state].find((r) => r.to === s.to)?.kind === 'forward' ? 'primary' : 'secondary'
              }
              onClick={() => {
                setDone(null);
                setStep(s);
              }}
            >
              {label(s.to)}
            </Button>
          ))}
        </div>
      )}
      {step ? (
        <TransitionDialog
          key={step.to}
          household={household}
          step={step}
          title={label(step.to)}
          onClose={(result) => {
            setStep(null);
            if (result) setDone(result);
          }}
        />
      ) : null}
    </PageSection>
  );
}

function TransitionDialog({
  household,
  step,
  title,
  onClose,
}: {
  household: HouseholdDto;
  step: Step;
  title: string;
  onClose: (result: PipelineState | null) => void;
}) {
  const { t, errorText } = useI18n();
  const transition = useTransition(household.id);
  const needsDwelling = step.to === 'dwelling_reserved';
  const dwellings = useReservableDwellings(needsDwelling);
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(osloToday(new Date()));
  const [dwellingId, setDwellingId] = useState('');
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const ids = {
    reason: 'transition-reason',
    effectiveOn: 'transition-effective-on',
    dwellingId: 'transition-dwelling',
  } as const;
  const fields = needsDwelling
    ? (['dwellingId', 'effectiveOn', 'reason'] as const)
    : (['effectiveOn', 'reason'] as const);
  const items = fields.flatMap((f) => (codes[f] ? [{ fieldId: ids[f], message: errorText(codes[f]) }] : []));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (transition.isPending) return;
    setAttempt((n) => n + 1);
    setCodes({});
    transition.mutate(
      {
        version: household.version,
        body: {
          to: step.to,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(effectiveOn ? { effectiveOn } : {}),
          ...(needsDwelling && dwellingId ? { dwellingId } : {}),
        },
      },
      {
        onSuccess: () => onClose(step.to),
        onError: (failure) => {
          if (!isApiError(failure) || failure.kind !== 'functional') return;
          const next = codesByField(failure.errors.map((p) => ({ path: pointerPath(p.pointer), code: p.code })));
          const field = refusalField[failure.code];
          if (field && !next[field]) next[field] = failure.code;
          setCodes(next);
        },
      },
    );
  };

  const explained = items.length > 0;
  return (
    <Dialog
      open
      modal
      onClose={() => onClose(null)}
      closeButton={t('households.transitions.close')}
      aria-labelledby="transition-dialog-heading"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="transition-dialog-heading">
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {isVersionConflict(transition.error) ? (
          <Paragraph role="alert">{t('households.transitions.stale')}</Paragraph>
        ) : (
          <SubmitFailure error={transition.error} explained={explained} />
        )}
        <FormErrorSummary
          attempt={attempt}
          items={items}
          heading={t('households.form.errorSummaryHeading')}
          headingLevel={3}
        />
        <form noValidate onSubmit={submit} className="form-stack">
          {needsDwelling ? (
            dwellings.data && dwellings.data.items.length === 0 ? (
              <Paragraph>{t('households.transitions.noDwellings')}</Paragraph>
            ) : (
              <SelectField
                id={ids.dwellingId}
                label={t('households.transitions.dwelling')}
                value={dwellingId}
                error={codes['dwellingId'] ? errorText(codes['dwellingId']) : undefined}
                onChange={(e) => setDwellingId(e.target.value)}
              >
                <option value="">{t('households.transitions.chooseDwelling')}</option>
                {(dwellings.data?.items ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {t('households.transitions.dwellingOption', {
                      reference: d.reference,
                      address: `${d.street}, ${d.postnummer} ${d.poststed}`,
                      bedrooms: d.bedrooms,
                    })}
                  </option>
                ))}
              </SelectField>
            )
          ) : null}
          <Textfield
            id={ids.effectiveOn}
            type="date"
            label={
              step.to === 'settled'
                ? t('households.transitions.settlementDate')
                : t('households.transitions.effectiveOn')
            }
            value={effectiveOn}
            error={codes['effectiveOn'] ? errorText(codes['effectiveOn']) : undefined}
            onChange={(e) => setEffectiveOn(e.target.value)}
          />
          <Textfield
            id={ids.reason}
            label={t('households.transitions.reason')}
            description={
              step.reasonRequired
                ? t('households.transitions.reasonHelpRequired')
                : t('households.transitions.reasonHelpOptional')
            }
            multiline
            rows={3}
            value={reason}
            error={codes['reason'] ? errorText(codes['reason']) : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="households-actions">
            <Button type="submit" loading={transition.isPending}>
              {transition.isPending ? t('households.transitions.saving') : t('households.transitions.confirm')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => onClose(null)}>
              {t('households.transitions.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
