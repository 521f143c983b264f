import { Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RoutingLink, NavLink } from 'react-router';

/** A designsystemet link that navigates inside the app without reloading. */
export function RouterLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link asChild>
      <RoutingLink to={to}>{children}</RoutingLink>
    </Link>
  );
}

/** A navigation link; react-router marks the current page with aria-current="page". */
export function NavigationLink({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <Link asChild>
      <NavLink to={to} end={end}>
        {children}
      </NavLink>
    </Link>
  );
}
