import { Paragraph, Spinner } from '@digdir/designsystemet-react';

/** A busy indicator that is announced politely (role="status") with a text, not only a spinner. */
export function Loading({ label }: { label: string }) {
  return (
    <Paragraph role="status" className="loading">
      <Spinner aria-hidden data-size="sm" />
      <span>{label}</span>
    </Paragraph>
  );
}
