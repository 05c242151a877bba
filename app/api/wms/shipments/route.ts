import { getDb } from "@/lib/db/client";
import { answerInbound } from "@/lib/integrations/http/inbound-route";
import { handleWmsCallback } from "@/lib/integrations/wms/handle-wms-callback";
import { wmsConfig } from "@/lib/integrations/wms/wms-config";

/** WMS shipment callback → confirmShipment. Authenticated by X-Signature (HMAC-SHA256 with WMS_SECRET). */
export async function POST(req: Request) {
  return answerInbound(req, getDb(), (db, r) => handleWmsCallback(db, wmsConfig(), r));
}
