import { Checkbox, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { useSession } from '../../../app/session';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { SelectField } from '../../../components/SelectField';
import { ClosedNotice, CloseTaskForm } from '../../../components/tasks/CloseTaskForm';
import { CreateTaskForm } from '../../../components/tasks/CreateTaskForm';
import { TaskList, type CloseRequest } from '../../../components/tasks/TaskList';
import { useMyTasks, useUnitTasks, type TaskQuery } from '../../../components/tasks/tasks.api';
import { CalendarFeedSection } from '../components/CalendarFeedSection';

const dueWithinChoices = [7, 14, 30, 90] as const;

/** /oppgaver: "Mine oppgaver", the unit inbox, filters, closing tasks, a new task, the calendar link. */
export function TasksPage() {
  const { t } = useI18n();
  usePageTitle(t('tasks.title'));
  const can = useCan();
  const session = useSession();
  const readsUnit = can('read:task:unit');
  const [view, setView] = useState<'mine' | 'unit'>('mine');
  const [unitId, setUnitId] = useState<string | null>(session.activeUnitId ?? session.units[0]?.id ?? null);
  const [filters, setFilters] = useState<TaskQuery>({ state: 'open', overdue: false, dueWithinDays: null });
  const [closing, setClosing] = useState<CloseRequest | null>(null);
  const [closed, setClosed] = useState<CloseRequest['action'] | null>(null);

  const unitView = view === 'unit' && readsUnit;
  const mine = useMyTasks(filters);
  const unit = useUnitTasks(unitId, filters, unitView && unitId !== null);
  const current = unitView ? unit : mine;

  if (isNoAccess(mine.error)) return <NoAccessPage />;

  return (
    <>
      <PageHeading lead={t('tasks.intro')}>{t('tasks.title')}</PageHeading>

      <PageSection headingId="tasks-filter-heading" heading={t('tasks.filters.heading')}>
        <div className="filter-form">
          {readsUnit ? (
            <Fieldset className="filter-form__wide">
              <Fieldset.Legend>{t('tasks.views.label')}</Fieldset.Legend>
              <Radio
                name="task-view"
                value="mine"
                label={t('tasks.views.mine')}
                checked={view === 'mine'}
                onChange={() => setView('mine')}
              />
              <Radio
                name="task-view"
                value="unit"
                label={t('tasks.views.unit')}
                checked={view === 'unit'}
                onChange={() => setView('unit')}
              />
            </Fieldset>
          ) : null}
          {unitView && session.units.length > 0 ? (
            <SelectField
              id="tasks-unit"
              label={t('tasks.unitPicker')}
              value={unitId ?? ''}
              onChange={(event) => setUnitId(event.target.value)}
            >
              {session.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField
            id="tasks-state"
            label={t('tasks.filters.state')}
            value={filters.state}
            onChange={(event) => setFilters({ ...filters, state: event.target.value as TaskQuery['state'] })}
          >
            <option value="open">{t('tasks.states.open')}</option>
            <option value="done">{t('tasks.states.done')}</option>
            <option value="dismissed">{t('tasks.states.dismissed')}</option>
          </SelectField>
          <SelectField
            id="tasks-due-within"
            label={t('tasks.filters.dueWithin')}
            value={filters.dueWithinDays === null ? '' : String(filters.dueWithinDays)}
            onChange={(event) =>
              setFilters({ ...filters, dueWithinDays: event.target.value === '' ? null : Number(event.target.value) })
            }
          >
            <option value="">{t('tasks.filters.dueWithinAny')}</option>
            {dueWithinChoices.map((days) => (
              <option key={days} value={days}>
                {t('tasks.filters.dueWithinDays', { days })}
              </option>
            ))}
          </SelectField>
          <Checkbox
            id="tasks-overdue"
            label={t('tasks.filters.overdueOnly')}
            checked={filters.overdue}
            onChange={(event) => setFilters({ ...filters, overdue: event.target.checked })}
          />
        </div>
      </PageSection>

      <PageSection headingId="tasks-list-heading" heading={unitView ? t('tasks.views.unit') : t('tasks.views.mine')}>
        <ClosedNotice action={closed} />
        {unitView && unitId === null ? (
          <Paragraph>{t('tasks.noUnit')}</Paragraph>
        ) : (
          <QueryContent error={current.error} data={current.data} headingLevel={3}>
            {(list) =>
              list.items.length === 0 ? (
                <Paragraph>{t('tasks.list.empty')}</Paragraph>
              ) : (
                <>
                  {list.truncated ? <Paragraph>{t('tasks.list.truncated')}</Paragraph> : null}
                  <TaskList
                    tasks={list.items}
                    labelledBy="tasks-list-heading"
                    onClose={(request) => {
                      setClosed(null);
                      setClosing(request);
                    }}
                  />
                </>
              )
            }
          </QueryContent>
        )}
        {closing ? (
          <CloseTaskForm
            request={closing}
            idPrefix="tasks"
            onDone={(result, action) => {
              setClosing(null);
              if (result === 'closed') setClosed(action);
            }}
          />
        ) : null}
      </PageSection>

      {can('write:task:own') ? <CreateTaskForm idPrefix="new-task" headingLevel={2} /> : null}
      <CalendarFeedSection />
    </>
  );
}
