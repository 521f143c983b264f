import { Button } from '@digdir/designsystemet-react';

/**
 * A form's submit button. While the request is under way it shows a spinner and says what is
 * happening; a second submit meanwhile is ignored by the form (useForm's submitHandler).
 */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <div>
      <Button type="submit" loading={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
