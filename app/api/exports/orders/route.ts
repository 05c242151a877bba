import { toOrderListInput, loadOrderSearchParams } from "@/app/(console)/orders/search-params";
import { getDb } from "@/lib/db/client";
import { exportOrders } from "@/lib/exports/export-orders";
import { formatParam, respondWithExport } from "../respond";

/** GET /api/exports/orders?<the orders page's URL filter>&format=csv|xlsx */
export async function GET(req: Request) {
  const url = new URL(req.url);
  return respondWithExport(async (actor) => exportOrders(getDb(), actor, toOrderListInput(loadOrderSearchParams(url.searchParams)), formatParam(url)));
}
