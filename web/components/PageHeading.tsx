import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * The page's one h1. Focusable (not tabbable) so the layout can move focus here after a route
 * change, which tells screen-reader users that a new page has loaded. `lead`, when given, is the
 * page's introduction below it.
 */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const heading = (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
  if (lead === undefined) return heading;
  return (
    <>
      {heading}
      <Paragraph variant="long" className="lead">
        {lead}
      </Paragraph>
    </>
  );
}
