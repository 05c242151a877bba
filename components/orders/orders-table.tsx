"use client";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useMemo, useTransition } from "react";
import { orderSearchParams } from "@/app/(console)/orders/search-params";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatFen } from "@/lib/money/fen";
import { ORDER_SORTS, PAGE_SIZES, type OrderListQuery } from "@/lib/orders/order-query";
import type { OrderListResult, OrderListRow } from "@/lib/orders/list-orders";
import { formatBizTime } from "@/lib/time/biz-time";
import { StatusBadge } from "./status-badge";

const SORTABLE = new Set<string>(ORDER_SORTS);

export function OrdersTable({ result, query }: { result: OrderListResult; query: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(orderSearchParams, { shallow: false, startTransition });

  const columns = useMemo<ColumnDef<OrderListRow>[]>(
    () => [
      {
        id: "orderNo",
        header: t("orders.col.orderNo"),
        cell: ({ row }) => (
          <Link href={`/orders/${row.original.id}`} className="font-mono text-primary hover:underline" data-testid="order-link">
            {row.original.orderNo}
          </Link>
        ),
      },
      { id: "channel", header: t("orders.col.channel"), cell: ({ row }) => row.original.channelName },
      { id: "platformOrderId", header: t("orders.col.platformOrderId"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.platformOrderId}</span> },
      {
        id: "status",
        header: t("orders.col.status"),
        cell: ({ row }) => (
          <div className="flex flex-wrap gap-1">
            <StatusBadge status={row.original.status} />
            {row.original.isTest ? <Badge variant="outline">{t("common.test")}</Badge> : null}
          </div>
        ),
      },
      { id: "receiver", header: t("orders.col.receiver"), cell: ({ row }) => row.original.receiverName ?? "—" },
      { id: "phone", header: t("orders.col.phone"), cell: ({ row }) => <span className="font-mono text-xs" data-testid="row-phone">{row.original.receiverPhone ?? "—"}</span> },
      { id: "area", header: t("orders.col.area"), cell: ({ row }) => row.original.receiverArea ?? "—" },
      { id: "paidFen", header: t("orders.col.paid"), cell: ({ row }) => <span className="money">{formatFen(row.original.paidFen, locale)}</span> },
      { id: "itemCount", header: t("orders.col.items"), cell: ({ row }) => row.original.itemCount },
      { id: "placedAt", header: t("orders.col.placedAt"), cell: ({ row }) => <span className="whitespace-nowrap">{formatBizTime(new Date(row.original.placedAt), locale)}</span> },
    ],
    [t, locale],
  );

  const sorting: SortingState = [{ id: params.sort, desc: params.dir === "desc" }];
  const table = useReactTable({
    data: result.rows,
    columns,
    rowCount: result.total,
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, pagination: { pageIndex: result.page - 1, pageSize: result.size } },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first && SORTABLE.has(first.id)) void setParams({ sort: first.id as OrderListQuery["sort"], dir: first.desc ? "desc" : "asc", page: 1 });
    },
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
  });

  return (
    <div className="space-y-3" data-pending={pending || undefined}>
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            {table.getHeaderGroups().map((hg) => (
              <TableRow key={hg.id}>
                {hg.headers.map((header) => {
                  const sortable = SORTABLE.has(header.column.id);
                  const dir = header.column.getIsSorted();
                  return (
                    <TableHead key={header.id} className={header.column.id === "paidFen" ? "text-right" : undefined}>
                      {sortable ? (
                        <button type="button" className="inline-flex items-center gap-1 hover:text-foreground" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {dir === "asc" ? <ArrowUp className="size-3" /> : dir === "desc" ? <ArrowDown className="size-3" /> : <ArrowUpDown className="size-3 opacity-40" />}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columns.length} className="h-24 text-center text-muted-foreground" data-testid="orders-empty">
                  {query ? t("orders.emptySearch", { q: query }) : t("orders.empty")}
                </TableCell>
              </TableRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <TableRow key={row.id} data-testid="order-row">
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id} className={cell.column.id === "paidFen" ? "text-right" : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
        <span data-testid="orders-total">
          {result.totalCapped ? t("orders.totalCapped", { total: result.total }) : t("orders.total", { total: result.total })}
        </span>
        <div className="flex items-center gap-2">
          <Select value={String(result.size)} onValueChange={(v) => void setParams({ size: Number(v), page: 1 })}>
            <SelectTrigger size="sm" className="w-32">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {PAGE_SIZES.map((s) => (
                <SelectItem key={s} value={String(s)}>
                  {t("orders.perPage", { size: s })}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <span>{t("orders.page", { page: result.page, pageCount: result.pageCount })}</span>
          <Button variant="outline" size="sm" disabled={result.page <= 1} onClick={() => void setParams({ page: result.page - 1 })}>
            {t("orders.prev")}
          </Button>
          <Button variant="outline" size="sm" disabled={result.page >= result.pageCount} onClick={() => void setParams({ page: result.page + 1 })}>
            {t("orders.next")}
          </Button>
        </div>
      </div>
    </div>
  );
}
