import { ErrorSummary } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';

export type FormErrorItem = { fieldId: string; message: string };

/**
 * The errors of a submitted form, each linking to its field (WCAG 3.3.1). Designsystemet's
 * ErrorSummary takes focus when it appears, so the user hears what to fix; a new `attempt` (one
 * per submit) makes it appear anew and take focus again.
 */
export function FormErrorSummary({
  heading,
  headingLevel = 2,
  attempt,
  items,
}: {
  heading: string;
  headingLevel?: 2 | 3 | 4;
  attempt: number;
  items: FormErrorItem[];
}) {
  if (items.length === 0) return null;

  // Move focus into the field itself; a plain fragment link would only scroll to it.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };

  return (
    <ErrorSummary key={attempt} className="form-error-summary">
      <ErrorSummary.Heading level={headingLevel} data-size="xs">
        {heading}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {items.map(({ fieldId, message }) => (
          <ErrorSummary.Item key={fieldId}>
            <ErrorSummary.Link href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
              {message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
