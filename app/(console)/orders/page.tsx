import { getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { OrdersTable } from "@/components/orders/orders-table";
import { OrdersToolbar } from "@/components/orders/orders-toolbar";
import { DrillSummary } from "@/components/dashboards/drill-summary";
import { ExportButton } from "@/components/exports/export-button";
import { can } from "@/lib/access/actor";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getDb } from "@/lib/db/client";
import { isAppError, type ErrorCode } from "@/lib/errors/app-error";
import { listOrderChannels } from "@/lib/orders/list-order-channels";
import { listOrders, type OrderListResult } from "@/lib/orders/list-orders";
import { requireActor } from "@/lib/session";
import { clearDrillHref, loadOrderSearchParams, toOrderListInput } from "./search-params";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const sp = await loadOrderSearchParams(searchParams);
  const db = getDb();
  const channels = await listOrderChannels(db, actor);

  let result: OrderListResult | null = null;
  let errorCode: ErrorCode | null = null;
  try {
    result = await listOrders(db, actor, toOrderListInput(sp));
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
      <DrillSummary sp={sp} clearHref={clearDrillHref(sp)} />
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
