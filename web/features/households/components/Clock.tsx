import { Tag } from '@digdir/designsystemet-react';
import type { ClockDto } from '../../../../shared/api/households';
import type { PipelineState } from '../../../../shared/domain/pipeline';
import { formatDate } from '../../../../shared/i18n';
import { useI18n } from '../../../app/i18n';

const stateColor: Record<PipelineState, 'info' | 'success' | 'neutral' | 'warning'> = {
  proposed: 'info',
  accepted: 'info',
  dwelling_reserved: 'info',
  ready_to_move_in: 'info',
  settled: 'success',
  moved_on: 'neutral',
  moved_away: 'neutral',
  declined: 'warning',
  withdrawn: 'warning',
};

/** The pipeline state as a tag: the word says it, the colour only repeats it. */
export function StateTag({ state }: { state: PipelineState }) {
  const { t } = useI18n();
  return <Tag data-color={stateColor[state]}>{t(`households.states.${state}`)}</Tag>;
}

/** "12 dager igjen", "3 dager over fristen", "Frist i dag" — or '' when there is no running clock. */
export function useDaysLeftText(): (clock: ClockDto) => string {
  const { t } = useI18n();
  return (clock) => {
    if (clock.stopped || clock.daysLeft === null) return '';
    if (clock.daysLeft < 0) return t('households.clock.overdueBy', { days: -clock.daysLeft });
    if (clock.daysLeft === 0) return t('households.clock.dueToday');
    return t('households.clock.daysLeft', { days: clock.daysLeft });
  };
}

/** The due date with an "Over fristen" badge (a word, not only a colour) when overdue. */
export function DueDate({ clock }: { clock: ClockDto }) {
  const { t } = useI18n();
  if (!clock.dueDate) return <>{t('households.clock.noPermitDate')}</>;
  return (
    <span className="nowrap">
      {formatDate(clock.dueDate)}
      {clock.overdue ? (
        <>
          {' '}
          <Tag data-color="danger">{t('households.clock.overdue')}</Tag>
        </>
      ) : null}
    </span>
  );
}
