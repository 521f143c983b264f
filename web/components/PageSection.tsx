import { Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * A part of a page under its own h2. The heading names the section (aria-labelledby), which
 * makes it a region that screen-reader users can jump to.
 */
export function PageSection({
  headingId,
  heading,
  children,
}: {
  headingId: string;
  heading: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}
