import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { taskTitle } from '../../../shared/api/tasks';
import { SubmitFailure } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import type { CloseRequest } from './TaskList';
import { useCloseTask } from './tasks.api';

/**
 * Complete or dismiss one task, with an optional note. Focus moves to its heading when it opens
 * and back to `returnFocusTo` (or the list) when it closes, so keyboard users keep their place.
 */
export function CloseTaskForm({
  request,
  idPrefix,
  onDone,
}: {
  request: CloseRequest;
  idPrefix: string;
  onDone: (result: 'closed' | 'cancelled', action: CloseRequest['action']) => void;
}) {
  const { t, lang } = useI18n();
  const close = useCloseTask();
  const [note, setNote] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const complete = request.action === 'complete';
  const headingId = `${idPrefix}-close-heading`;

  useEffect(() => {
    headingRef.current?.focus();
  }, [request.task.id, request.action]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (close.isPending) return;
    close.mutate(
      { id: request.task.id, action: request.action, note: note.trim() },
      { onSuccess: () => onDone('closed', request.action) },
    );
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId} ref={headingRef} tabIndex={-1}>
        {complete ? t('tasks.close.completeTitle') : t('tasks.close.dismissTitle')}
      </Heading>
      <Paragraph>{t('tasks.close.forTask', { title: taskTitle(lang, request.task) })}</Paragraph>
      <SubmitFailure error={close.error} />
      <form noValidate onSubmit={submit} className="form-stack narrow">
        <Textfield
          id={`${idPrefix}-close-note`}
          label={t('tasks.close.note')}
          description={t('tasks.close.noteHelp')}
          multiline
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          counter={2000}
        />
        <div>
          <Button type="submit" loading={close.isPending}>
            {close.isPending
              ? t('tasks.close.saving')
              : complete
                ? t('tasks.close.confirmComplete')
                : t('tasks.close.confirmDismiss')}
          </Button>{' '}
          <Button type="button" variant="tertiary" onClick={() => onDone('cancelled', request.action)}>
            {t('tasks.close.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * A short confirmation after a task was closed, announced politely. It takes focus, since the
 * row (and the button the user pressed) is gone from the list.
 */
export function ClosedNotice({ action }: { action: CloseRequest['action'] | null }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (action) ref.current?.focus();
  }, [action]);
  if (!action) return null;
  return (
    <Alert data-color="success" role="status" className="notice" ref={ref} tabIndex={-1}>
      <Paragraph>{action === 'complete' ? t('tasks.close.completed') : t('tasks.close.dismissed')}</Paragraph>
    </Alert>
  );
}
