import { Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * The page's one h1. Focusable (not tabbable) so the layout can move focus here after a route
 * change, which tells screen-reader users that a new page has loaded.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
