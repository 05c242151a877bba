import { getDb } from "@/lib/db/client";
import { answerInbound } from "@/lib/integrations/http/inbound-route";
import { handleKuaidi100Push, kuaidi100Salt } from "@/lib/integrations/logistics/handle-kuaidi100-push";

/** 快递100 tracking push (form fields param + sign = UPPER(MD5(param + salt))). */
export async function POST(req: Request) {
  return answerInbound(req, getDb(), (db, r) => handleKuaidi100Push(db, kuaidi100Salt(), r));
}
