import { getDb } from "@/lib/db/client";
import { answerInbound } from "@/lib/integrations/http/inbound-route";
import { handleAlipayNotify } from "@/lib/integrations/payments/handle-alipay-notify";
import { paymentConfig } from "@/lib/integrations/payments/payment-config";

/** Alipay async notify (form body, RSA2 `sign`); answers the plain text `success`. */
export async function POST(req: Request) {
  return answerInbound(req, getDb(), (db, r) => handleAlipayNotify(db, paymentConfig().alipay, r));
}
