import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** The polite "done" notice after a form has been sent (a status message, WCAG 4.1.3). */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <Alert data-color="success" role="status" className="notice">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
