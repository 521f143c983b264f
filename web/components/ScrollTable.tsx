import { Table } from '@digdir/designsystemet-react';
import type { ComponentProps } from 'react';

/**
 * A zebra table named by a heading (`labelledBy`), in a region that scrolls on narrow screens. The
 * region is focusable so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollTable({ labelledBy, ...tableProps }: { labelledBy: string } & ComponentProps<typeof Table>) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <Table zebra border aria-labelledby={labelledBy} {...tableProps} />
    </div>
  );
}
