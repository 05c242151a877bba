import type { Db } from "../db/client";
import type { ActionContext } from "./order-actor";
import { runTransition } from "./run-transition";

/** 取消 (reason required): only before the order has left for the warehouse, or while held or in review. */
export const cancel = (db: Db, orderId: string, ctx: ActionContext) => runTransition(db, "cancel", orderId, ctx);

/** 拦截 (reason required): stops the order where it is; release returns it there. */
export const hold = (db: Db, orderId: string, ctx: ActionContext) => runTransition(db, "hold", orderId, ctx);

/** 解除拦截 / 复核通过: back to the status the order had before the hold or the review flag. */
export const release = (db: Db, orderId: string, ctx: ActionContext) => runTransition(db, "release", orderId, ctx);

/** 转人工复核 (reason required): something does not add up; a person must look. */
export const flagForReview = (db: Db, orderId: string, ctx: ActionContext) => runTransition(db, "flagForReview", orderId, ctx);
