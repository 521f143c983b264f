import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { QueryContent } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/permissions';
import { PageSection } from '../PageSection';
import { ClosedNotice, CloseTaskForm } from './CloseTaskForm';
import { CreateTaskForm } from './CreateTaskForm';
import { TaskList, type CloseRequest } from './TaskList';
import { useSubjectTasks } from './tasks.api';

const RECENT_CLOSED = 5;

/**
 * Owned by the tasks slice: open and recently closed tasks about one subject (dwelling, lease,
 * landlord …), with the complete action and "Ny oppgave" for that subject. The dwelling and lease
 * pages render it.
 */
export function SubjectTasks({
  subjectType,
  subjectId,
}: {
  subjectType: 'dwelling' | 'building' | 'lease' | 'landlord';
  subjectId: string;
}) {
  const { t } = useI18n();
  const can = useCan();
  const tasks = useSubjectTasks(subjectType, subjectId);
  const [closing, setClosing] = useState<CloseRequest | null>(null);
  const [closed, setClosed] = useState<CloseRequest['action'] | null>(null);
  const prefix = `subject-tasks-${subjectId}`;

  return (
    <PageSection headingId={`${prefix}-heading`} heading={t('tasks.subjectTasks.heading')}>
      <ClosedNotice action={closed} />
      <QueryContent error={tasks.error} data={tasks.data} headingLevel={3}>
        {({ items }) => {
          const open = items.filter((task) => task.state === 'open');
          const recent = items.filter((task) => task.state !== 'open').slice(0, RECENT_CLOSED);
          return (
            <>
              <Heading level={3} id={`${prefix}-open`} data-size="2xs">
                {t('tasks.subjectTasks.open')}
              </Heading>
              {open.length === 0 ? (
                <Paragraph>{t('tasks.subjectTasks.none')}</Paragraph>
              ) : (
                <TaskList
                  tasks={open}
                  labelledBy={`${prefix}-open`}
                  showSubject={false}
                  onClose={(request) => {
                    setClosed(null);
                    setClosing(request);
                  }}
                />
              )}
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
              <Heading level={3} id={`${prefix}-recent`} data-size="2xs">
                {t('tasks.subjectTasks.recent')}
              </Heading>
              {recent.length === 0 ? (
                <Paragraph>{t('tasks.subjectTasks.noneClosed')}</Paragraph>
              ) : (
                <TaskList
                  tasks={recent}
                  labelledBy={`${prefix}-recent`}
                  showSubject={false}
                  onClose={() => undefined}
                />
              )}
            </>
          );
        }}
      </QueryContent>
      {can('write:task:own') ? (
        <CreateTaskForm idPrefix={`${prefix}-new`} subject={{ type: subjectType, id: subjectId }} headingLevel={3} />
      ) : null}
    </PageSection>
  );
}
