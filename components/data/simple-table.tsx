import type { ReactNode } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

export interface SimpleColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers and money align right; `money` also uses tabular figures. */
  align?: "right";
  money?: boolean;
  className?: string;
}

/** A small read-only table for detail pages: columns in, rows in, no paging or sorting. */
export function SimpleTable<Row>({
  columns,
  rows,
  rowKey,
  rowTestId,
}: {
  columns: SimpleColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** data-testid on every body row, for tests that count or pick rows. */
  rowTestId?: string;
}) {
  const cellClass = (c: SimpleColumn<Row>) => cn(c.money ? "money" : c.align === "right" && "text-right", c.className);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => (
            <TableHead key={i} className={c.money || c.align === "right" ? "text-right" : undefined}>
              {c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} data-testid={rowTestId}>
            {columns.map((c, i) => (
              <TableCell key={i} className={cellClass(c)}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
