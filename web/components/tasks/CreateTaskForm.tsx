import { Heading, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { createTaskRequest, type TaskSubjectType } from '../../../shared/api/tasks';
import { SubmitFailure } from '../../app/errors';
import { fieldCodesFromZod } from '../../app/form-errors';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useForm } from '../../app/use-form';
import { FormErrorSummary } from '../FormErrorSummary';
import { SelectField } from '../SelectField';
import { SubmitButton } from '../SubmitButton';
import { useAssigneeOptions, useCreateTask } from './tasks.api';
import { SuccessNotice } from '../SuccessNotice';

/**
 * A manual task, optionally about a subject. The assignee is oneself, or — for those who may
 * assign to others — a unit or a colleague. The same zod schema as the server checks it first.
 */
export function CreateTaskForm({
  idPrefix,
  subject,
  headingLevel = 3,
}: {
  idPrefix: string;
  subject?: { type: TaskSubjectType; id: string };
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, errorText } = useI18n();
  const session = useSession();
  const options = useAssigneeOptions();
  const create = useCreateTask();
  const [created, setCreated] = useState<string | null>(null);
  const fieldIds = {
    title: `${idPrefix}-title`,
    description: `${idPrefix}-description`,
    dueOn: `${idPrefix}-due`,
    assignee: `${idPrefix}-assignee`,
  };
  const form = useForm({
    initial: { title: '', description: '', dueOn: '', assignee: `user:${session.user.id}` },
    fieldIds,
    refusalFields: { 'task.assignee_invalid': 'assignee', 'task.assignee_required': 'assignee' },
    message: (field, code) => {
      if (field === 'title' && (code === 'text.too_short' || code === 'too_small'))
        return t('tasks.create.titleRequired');
      if (field === 'title' && (code === 'text.too_long' || code === 'too_big')) return t('tasks.create.titleTooLong');
      if (field === 'dueOn') return t('tasks.create.dueOnRequired');
      return errorText(code);
    },
  });

  const submit = () => {
    setCreated(null);
    create.reset();
    const [kind, id] = form.values.assignee.split(':') as ['user' | 'unit', string];
    const parsed = createTaskRequest.safeParse({
      title: form.values.title,
      ...(form.values.description.trim() ? { description: form.values.description } : {}),
      dueOn: form.values.dueOn,
      ...(kind === 'unit' ? { assigneeUnitId: id } : { assigneeUserId: id }),
      ...(subject ? { subjectType: subject.type, subjectId: subject.id } : {}),
    });
    if (!parsed.success) {
      const codes = fieldCodesFromZod(parsed.error);
      if (codes['assigneeUserId'] ?? codes['assigneeUnitId'])
        codes['assignee'] = codes['assigneeUserId'] ?? codes['assigneeUnitId']!;
      form.setFieldCodes(codes);
      return;
    }
    form.setFieldCodes({});
    create.mutate(parsed.data, {
      onSuccess: (task) => {
        setCreated(task.title);
        form.reset();
      },
      onError: (error) => {
        form.showRefusal(error);
      },
    });
  };

  const others = (options.data?.users ?? []).filter((u) => u.id !== session.user.id);
  const headingId = `${idPrefix}-heading`;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={headingLevel} id={headingId} data-size="xs">
        {t('tasks.create.heading')}
      </Heading>
      {created !== null ? <SuccessNotice>{t('tasks.create.success', { title: created })}</SuccessNotice> : null}
      <SubmitFailure error={create.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary
        {...form.summary}
        heading={t('tasks.create.errorSummaryHeading')}
        headingLevel={headingLevel === 2 ? 3 : 4}
      />
      <form noValidate onSubmit={form.submitHandler(submit, create.isPending)} className="form-stack narrow">
        <Textfield
          {...form.field('title')}
          label={t('tasks.create.title')}
          description={t('tasks.create.titleHelp')}
          autoComplete="off"
          required
        />
        <Textfield {...form.field('description')} label={t('tasks.create.description')} multiline rows={3} />
        <Textfield {...form.field('dueOn')} label={t('tasks.create.dueOn')} type="date" required />
        <SelectField {...form.field('assignee')} label={t('tasks.create.assignee')}>
          <option value={`user:${session.user.id}`}>{t('tasks.create.assignMe')}</option>
          {(options.data?.units ?? []).map((unit) => (
            <option key={unit.id} value={`unit:${unit.id}`}>
              {t('tasks.create.assignUnit', { name: unit.name })}
            </option>
          ))}
          {others.map((user) => (
            <option key={user.id} value={`user:${user.id}`}>
              {t('tasks.create.assignUser', { name: user.displayName })}
            </option>
          ))}
        </SelectField>
        <SubmitButton
          pending={create.isPending}
          label={t('tasks.create.submit')}
          pendingLabel={t('tasks.create.submitting')}
        />
      </form>
    </section>
  );
}
