import { Table } from '@digdir/designsystemet-react';
import type { ComponentProps, ReactNode } from 'react';

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

/** A column heading: its text, and whether the column holds numbers (right-aligned). */
export type TableColumn = ReactNode | { label: ReactNode; numeric: true };

/** The header row of a table: one column header (`scope="col"`) per column, in order. */
export function TableHeader({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <Table.Head>
      <Table.Row>
        {columns.map((column, index) =>
          isNumericColumn(column) ? (
            <Table.HeaderCell key={index} scope="col" className="numeric">
              {column.label}
            </Table.HeaderCell>
          ) : (
            <Table.HeaderCell key={index} scope="col">
              {column}
            </Table.HeaderCell>
          ),
        )}
      </Table.Row>
    </Table.Head>
  );
}

function isNumericColumn(column: TableColumn): column is { label: ReactNode; numeric: true } {
  return typeof column === 'object' && column !== null && 'numeric' in column;
}
