import { getDb } from "@/lib/db/client";
import { answerInbound } from "@/lib/integrations/http/inbound-route";
import { handleWechatNotify } from "@/lib/integrations/payments/handle-wechat-notify";
import { paymentConfig } from "@/lib/integrations/payments/payment-config";

/** WeChat Pay v3 payment notify (see README "Order lifecycle"). Authenticated by the Wechatpay-Signature. */
export async function POST(req: Request) {
  return answerInbound(req, getDb(), (db, r) => handleWechatNotify(db, paymentConfig().wechat, r));
}
