import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { taskTitle, type TaskDto } from '../../../../shared/api/tasks';
import { formatDate } from '../../../../shared/i18n';
import { QueryContent, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PageSection } from '../../../components/PageSection';
import { ScrollTable } from '../../../components/ScrollTable';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { ClosedNotice, CloseTaskForm } from '../../../components/tasks/CloseTaskForm';
import { CreateTaskForm } from '../../../components/tasks/CreateTaskForm';
import { TaskList, type CloseRequest } from '../../../components/tasks/TaskList';
import { useCloseTask, useSubjectTasks } from '../../../components/tasks/tasks.api';

/** A move-in checklist task (kind `movein.<key>`, move-in-checklist.ts). */
export function isMoveInTask(task: TaskDto): boolean {
  return task.kind.startsWith('movein.');
}

/**
 * The checklist of the current arrival date: tasks generated for an earlier arrival date were
 * dismissed by the server when the date moved (isSupersededMoveInTask) and are left out here.
 */
export function currentChecklist(tasks: readonly TaskDto[], arrivalDate: string | null): TaskDto[] {
  return tasks
    .filter(isMoveInTask)
    .filter((task) => arrivalDate !== null && (task.params['arrivalDate'] ?? arrivalDate) === arrivalDate)
    .filter((task) => task.state !== 'dismissed')
    .sort((a, b) => (a.dueOn === b.dueOn ? a.createdAt.localeCompare(b.createdAt) : a.dueOn.localeCompare(b.dueOn)));
}

/**
 * The move-in checklist (sjekkliste for innflytting) and the household's other tasks, both
 * through the tasks API (GET /api/tasks?subjectType=household&subjectId=…). An item is done with
 * the task's complete action; the same task is in the owner unit's inbox.
 */
export function ChecklistSection({ householdId, arrivalDate }: { householdId: string; arrivalDate: string | null }) {
  const { t, lang } = useI18n();
  const tasks = useSubjectTasks('household', householdId);
  const close = useCloseTask();
  const [completed, setCompleted] = useState<string | null>(null);

  return (
    <PageSection headingId="household-checklist-heading" heading={t('households.checklist.heading')}>
      {completed ? <SuccessNotice>{t('households.checklist.completed', { item: completed })}</SuccessNotice> : null}
      <SubmitFailure error={close.error} />
      {arrivalDate === null ? (
        <Paragraph>{t('households.checklist.noArrival')}</Paragraph>
      ) : (
        <QueryContent error={tasks.error} data={tasks.data} headingLevel={3}>
          {({ items }) => {
            const checklist = currentChecklist(items, arrivalDate);
            if (checklist.length === 0) return <Paragraph>{t('households.checklist.empty')}</Paragraph>;
            const done = checklist.filter((task) => task.state === 'done').length;
            return (
              <>
                <Paragraph>{t('households.checklist.progress', { done, total: checklist.length })}</Paragraph>
                <ScrollTable labelledBy="household-checklist-heading">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('households.checklist.item')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('households.checklist.due')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('households.checklist.owner')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('households.checklist.status')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('households.checklist.action')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {checklist.map((task) => {
                      const title = taskTitle(lang, task);
                      return (
                        <Table.Row key={task.id}>
                          <Table.Cell>{title}</Table.Cell>
                          <Table.Cell className="nowrap">{formatDate(task.dueOn)}</Table.Cell>
                          <Table.Cell>
                            {task.assignee.unitName ?? task.assignee.userName ?? t('households.checklist.owners')}
                          </Table.Cell>
                          <Table.Cell>
                            {task.state === 'done' ? (
                              <Tag data-color="success">{t('households.checklist.done')}</Tag>
                            ) : task.overdue ? (
                              <Tag data-color="danger">{t('households.checklist.overdue')}</Tag>
                            ) : (
                              <Tag data-color="neutral">{t('households.checklist.open')}</Tag>
                            )}
                          </Table.Cell>
                          <Table.Cell>
                            {task.state === 'open' && task.actions.complete ? (
                              <Button
                                type="button"
                                variant="secondary"
                                data-size="sm"
                                aria-label={t('households.checklist.markDoneLabel', { item: title })}
                                loading={close.isPending && close.variables?.id === task.id}
                                onClick={() => {
                                  if (close.isPending) return;
                                  setCompleted(null);
                                  close.mutate(
                                    { id: task.id, action: 'complete', note: '' },
                                    { onSuccess: () => setCompleted(title) },
                                  );
                                }}
                              >
                                {t('households.checklist.markDone')}
                              </Button>
                            ) : task.completedAt ? (
                              formatDate(task.completedAt)
                            ) : null}
                          </Table.Cell>
                        </Table.Row>
                      );
                    })}
                  </Table.Body>
                </ScrollTable>
              </>
            );
          }}
        </QueryContent>
      )}
    </PageSection>
  );
}

/** Open tasks about the household that are not checklist items, with "Ny oppgave". */
export function OtherTasksSection({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const tasks = useSubjectTasks('household', householdId);
  const [closing, setClosing] = useState<CloseRequest | null>(null);
  const [closed, setClosed] = useState<CloseRequest['action'] | null>(null);
  const prefix = `household-tasks-${householdId}`;
  return (
    <PageSection headingId="household-tasks-heading" heading={t('households.otherTasks.heading')}>
      <ClosedNotice action={closed} />
      <QueryContent error={tasks.error} data={tasks.data} headingLevel={3}>
        {({ items }) => {
          const open = items.filter((task) => !isMoveInTask(task) && task.state === 'open');
          return open.length === 0 ? (
            <Paragraph>{t('households.otherTasks.none')}</Paragraph>
          ) : (
            <TaskList
              tasks={open}
              labelledBy="household-tasks-heading"
              showSubject={false}
              onClose={(request) => {
                setClosed(null);
                setClosing(request);
              }}
            />
          );
        }}
      </QueryContent>
      {closing ? (
        <CloseTaskForm
          request={closing}
          idPrefix={prefix}
          onDone={(result, action) => {
            setClosing(null);
            if (result === 'closed') setClosed(action);
          }}
        />
      ) : null}
      <CreateTaskForm idPrefix={`${prefix}-new`} subject={{ type: 'household', id: householdId }} />
    </PageSection>
  );
}
