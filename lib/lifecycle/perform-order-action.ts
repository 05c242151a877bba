import { z } from "zod";
import type { Actor } from "../access/actor";
import type { Db } from "../db/client";
import { cancel, flagForReview, hold, release } from "./control-actions";
import { complete, confirmShipment, markDelivered, markPaid, pushToWms } from "./fulfilment-actions";
import { userActor, type ActionContext } from "./order-actor";
import { completeRefund, failRefund, requestRefund } from "./refund-actions";
import type { TransitionResult } from "./run-transition";

const base = {
  orderId: z.string().min(1).max(64),
  /** Generated once per dialog in the browser: a double click sends the same key twice. */
  idempotencyKey: z.string().min(8).max(200),
  reason: z.string().trim().max(500).optional(),
};

/** What the console may send: one shape per action, each with its own inputs. */
export const OrderActionInput = z.discriminatedUnion("action", [
  z.object({ ...base, action: z.literal("confirmShipment"), carrierCode: z.string().trim().max(32), trackingNo: z.string().trim().max(40) }),
  z.object({ ...base, action: z.literal("requestRefund"), amountFen: z.number().int().positive() }),
  ...(["markPaid", "pushToWms", "markDelivered", "complete", "cancel", "hold", "release", "completeRefund", "failRefund", "flagForReview"] as const).map((a) =>
    z.object({ ...base, action: z.literal(a) }),
  ),
]);
export type OrderActionInput = z.infer<typeof OrderActionInput>;

/** A console action by a signed-in user: permission, row scope, reason rules and audit are in runTransition. */
export async function performOrderAction(db: Db, actor: Actor, input: OrderActionInput): Promise<TransitionResult> {
  const ctx: ActionContext = { by: userActor(actor), source: "CONSOLE", idempotencyKey: input.idempotencyKey, reason: input.reason };
  switch (input.action) {
    case "confirmShipment":
      return confirmShipment(db, input.orderId, ctx, { carrierCode: input.carrierCode, trackingNo: input.trackingNo });
    case "requestRefund":
      return requestRefund(db, input.orderId, ctx, { amountFen: input.amountFen });
    case "markPaid": return markPaid(db, input.orderId, ctx);
    case "pushToWms": return pushToWms(db, input.orderId, ctx);
    case "markDelivered": return markDelivered(db, input.orderId, ctx);
    case "complete": return complete(db, input.orderId, ctx);
    case "cancel": return cancel(db, input.orderId, ctx);
    case "hold": return hold(db, input.orderId, ctx);
    case "release": return release(db, input.orderId, ctx);
    case "completeRefund": return completeRefund(db, input.orderId, ctx);
    case "failRefund": return failRefund(db, input.orderId, ctx);
    case "flagForReview": return flagForReview(db, input.orderId, ctx);
  }
}
