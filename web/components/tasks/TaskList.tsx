import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { subjectPath, taskInstruction, taskTitle, type TaskDto } from '../../../shared/api/tasks';
import { formatDate } from '../../../shared/i18n';
import { useI18n } from '../../app/i18n';
import { RouterLink } from '../RouterLink';
import { ScrollTable } from '../ScrollTable';

export type CloseRequest = { task: TaskDto; action: 'complete' | 'dismiss' };

function subjectReference(task: TaskDto): string | null {
  const p = task.params;
  if (task.subject?.type === 'lease' && typeof p['reference'] === 'string') return p['reference'];
  if (task.subject?.type === 'dwelling' && typeof p['dwellingReference'] === 'string') return p['dwellingReference'];
  return null;
}

/**
 * Tasks as a table: due date (overdue marked with a word as well as a colour), the task in the
 * reader's language, what it is about (a link), who has it, and the actions the server allows.
 */
export function TaskList({
  tasks,
  labelledBy,
  onClose,
  showSubject = true,
}: {
  tasks: readonly TaskDto[];
  labelledBy: string;
  onClose: (request: CloseRequest) => void;
  showSubject?: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <ScrollTable labelledBy={labelledBy}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('tasks.list.due')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('tasks.list.task')}</Table.HeaderCell>
          {showSubject ? <Table.HeaderCell scope="col">{t('tasks.list.subject')}</Table.HeaderCell> : null}
          <Table.HeaderCell scope="col">{t('tasks.list.assignee')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('tasks.list.state')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('tasks.list.actions')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {tasks.map((task) => {
          const title = taskTitle(lang, task);
          const instruction = taskInstruction(lang, task);
          const path = subjectPath(task.subject);
          const reference = subjectReference(task);
          return (
            <Table.Row key={task.id}>
              <Table.Cell className="nowrap">
                {formatDate(task.dueOn)}
                {task.overdue ? (
                  <>
                    {' '}
                    <Tag
                      data-color="danger"
                      aria-label={t('tasks.list.overdueLabel', { date: formatDate(task.dueOn) })}
                    >
                      {t('tasks.list.overdue')}
                    </Tag>
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                <strong>{title}</strong>
                {instruction ? <Paragraph data-size="sm">{instruction}</Paragraph> : null}
                {task.description ? <Paragraph data-size="sm">{task.description}</Paragraph> : null}
                {task.state !== 'open' && task.completionNote ? (
                  <Paragraph data-size="sm">{t('tasks.list.note', { note: task.completionNote })}</Paragraph>
                ) : null}
              </Table.Cell>
              {showSubject ? (
                <Table.Cell>
                  {task.subject ? (
                    path ? (
                      <RouterLink to={path}>
                        {t(`tasks.subjects.${task.subject.type}`)}
                        {reference ? ` ${reference}` : ''}
                      </RouterLink>
                    ) : (
                      t(`tasks.subjects.${task.subject.type}`)
                    )
                  ) : (
                    '–'
                  )}
                </Table.Cell>
              ) : null}
              <Table.Cell>{task.assignee.userName ?? task.assignee.unitName ?? '–'}</Table.Cell>
              <Table.Cell>
                {task.state === 'open'
                  ? t('tasks.states.open')
                  : t('tasks.list.closedOn', {
                      state: t(`tasks.states.${task.state}`),
                      date: task.completedAt ? formatDate(task.completedAt) : '',
                    })}
              </Table.Cell>
              <Table.Cell>
                {task.actions.complete ? (
                  <div>
                    <Button
                      variant="secondary"
                      data-size="sm"
                      onClick={() => onClose({ task, action: 'complete' })}
                      aria-label={`${t('tasks.close.complete')}: ${title}`}
                    >
                      {t('tasks.close.complete')}
                    </Button>{' '}
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => onClose({ task, action: 'dismiss' })}
                      aria-label={`${t('tasks.close.dismiss')}: ${title}`}
                    >
                      {t('tasks.close.dismiss')}
                    </Button>
                  </div>
                ) : null}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </ScrollTable>
  );
}
