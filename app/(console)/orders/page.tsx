import { getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { OrdersTable } from "@/components/orders/orders-table";
import { OrdersToolbar } from "@/components/orders/orders-toolbar";
import { ExportButton } from "@/components/exports/export-button";
import { can } from "@/lib/access/actor";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getDb } from "@/lib/db/client";
import { isAppError, type ErrorCode } from "@/lib/errors/app-error";
import { listOrderChannels } from "@/lib/orders/list-order-channels";
import { listOrders, type OrderListResult } from "@/lib/orders/list-orders";
import { parseYuan } from "@/lib/money/fen";
import { requireActor } from "@/lib/session";
import { loadOrderSearchParams } from "./search-params";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const sp = await loadOrderSearchParams(searchParams);
  const db = getDb();
  const channels = await listOrderChannels(db, actor);

  let result: OrderListResult | null = null;
  let errorCode: ErrorCode | null = null;
  try {
    result = await listOrders(db, actor, {
      page: sp.page,
      size: sp.size,
      sort: sp.sort,
      dir: sp.dir,
      q: sp.q || undefined,
      channel: sp.channel.length ? sp.channel : undefined,
      status: sp.status.length ? sp.status : undefined,
      from: sp.from || undefined,
      to: sp.to || undefined,
      minFen: sp.min ? parseYuan(sp.min) : undefined,
      maxFen: sp.max ? parseYuan(sp.max) : undefined,
      includeTest: !sp.hideTest,
    });
  } catch (err) {
    if (!isAppError(err)) throw err;
    errorCode = err.code;
  }

  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("orders.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("orders.description")}</p>
        </div>
        {can(actor, "order.export") && actor.exportRowCap > 0 ? <ExportButton endpoint="/api/exports/orders" cap={actor.exportRowCap} /> : null}
      </div>
      <OrdersToolbar channels={channels} />
      {errorCode ? (
        <Alert variant="destructive" data-testid="orders-error">
          <AlertDescription>{t(`errors.${errorCode}`)}</AlertDescription>
        </Alert>
      ) : result ? (
        <OrdersTable result={result} query={sp.q} />
      ) : null}
    </div>
  );
}
