/**
 * Simulates one order's life (payment, review/holds, WMS push, shipment, logistics, after-sale,
 * completion) as timestamped events, then cuts the story at `now`: whatever happened later has
 * not happened yet. Status, lifecycle columns and the status log all come from the same events,
 * so they cannot disagree.
 */
import type { DemoPlatform } from "./channels";
import { chinaParts } from "./numbers";
import type { Rng } from "./random";
import type { EpochMs, OrderStatus, RefundStatus, StatusSource } from "./types";
import { REFUND_REASONS, STAFF } from "./catalog-people";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

export type RefundPlan = "none" | "preShip" | "returnFull" | "partial" | "rejected";
export type LogisticsPlan = "normal" | "none" | "stale";
export type HoldPlan = "none" | "platform" | "approval" | "lowPrice";

export interface LifecycleInput {
  rng: Rng;
  platform: DemoPlatform;
  placedAt: EpochMs;
  now: EpochMs;
  neverPaid: boolean;
  unknownStatus: boolean;
  addressReview: boolean;
  hold: HoldPlan;
  pushStuck: boolean;
  shipStuck: boolean;
  logistics: LogisticsPlan;
  transitDays: number;
  refund: RefundPlan;
  paidFen: number;
  partialRefundFen: number;
}

export interface LogEvent {
  from: OrderStatus | null;
  to: OrderStatus;
  action: string;
  actorName: string;
  source: StatusSource;
  reason: string | null;
  at: EpochMs;
}

export interface Lifecycle {
  status: OrderStatus;
  log: LogEvent[];
  paidAt: EpochMs | null;
  shippedAt: EpochMs | null;
  deliveredAt: EpochMs | null;
  completedAt: EpochMs | null;
  /** Latest platform-side change already seen by the hub (the payload's modified time). */
  platformModifiedAt: EpochMs;
  lastEventAt: EpochMs | null;
  lastEvent: string | null;
  refund: { amountFen: number; reason: string; status: RefundStatus; requestedAt: EpochMs; completedAt: EpochMs | null; afterShipment: boolean } | null;
  /** Fulfilment status underneath an after-sale (for the native payload). */
  shippedBeforeRefund: boolean;
}

const SYSTEM = "系统";
const AUTO_CONFIRM_DAYS: Record<DemoPlatform, number> = { TMALL: 10, JD: 8, PDD: 12, DOUYIN: 10, OWN_MALL: 7, POS: 0 };
const UNPAID_TIMEOUT: Record<DemoPlatform, number> = { TMALL: 24 * H, JD: 0, PDD: 0, DOUYIN: 30 * M, OWN_MALL: 30 * M, POS: 0 };

/** Next warehouse working moment (08:00–21:00 China time). */
function inWorkingHours(t: EpochMs, rng: Rng): EpochMs {
  const { hour } = chinaParts(t);
  if (hour >= 8 && hour < 21) return t;
  const add = hour >= 21 ? 24 - hour + 8 : 8 - hour;
  return t + add * H - (t % H) + rng.int(0, 150) * M;
}

export function simulateLifecycle(input: LifecycleInput): Lifecycle {
  const { rng, platform, now } = input;
  const push = platform === "OWN_MALL" || platform === "POS";
  const ingest: StatusSource = push ? "PLATFORM_PUSH" : "PLATFORM_PULL";
  // How long until the hub sees a platform-side change (push: seconds; incremental pull: minutes).
  const seen = (t: EpochMs) => t + (push ? rng.int(1, 5) * S : rng.int(15, 180) * S);
  const staff = (pool: readonly string[]) => rng.pick(pool);
  // Platforms send whole seconds; keeping every derived instant on a second keeps payloads and columns equal.
  const span = (min: number, max: number) => Math.round(rng.skewed(min, max) / S) * S;

  const life: Lifecycle = {
    status: "PENDING_PAYMENT", log: [], paidAt: null, shippedAt: null, deliveredAt: null, completedAt: null,
    platformModifiedAt: input.placedAt, lastEventAt: null, lastEvent: null, refund: null, shippedBeforeRefund: false,
  };
  let cur: OrderStatus | null = null;
  let last = 0;
  let stopped = false;
  /** Applies a transition unless it lies beyond `now`; once one doesn't, none after it does. */
  const go = (to: OrderStatus, at: EpochMs, action: string, source: StatusSource, actorName = SYSTEM, reason: string | null = null, platformAt?: EpochMs) => {
    if (stopped) return false;
    const t = Math.max(Math.round(at), last + S);
    if (t > now) {
      stopped = true;
      return false;
    }
    life.log.push({ from: cur, to, action, actorName, source, reason, at: t });
    if (platformAt !== undefined) life.platformModifiedAt = Math.max(life.platformModifiedAt, platformAt);
    cur = to;
    last = t;
    return true;
  };

  const placed = input.placedAt;
  if (platform === "POS") {
    // A till sale is placed, paid and handed over in one moment (the POS schema has only soldAt).
    go("PAID", seen(placed), "门店收银", "PLATFORM_PUSH", SYSTEM, null, placed);
    life.paidAt = placed;
    if (go("COMPLETED", last + S, "门店交易完成", "PLATFORM_PUSH", SYSTEM, null, placed)) life.completedAt = placed;
    if (input.refund === "returnFull") storeReturn(placed);
    return finish();
  }

  const firstSeen = seen(placed);
  if (input.neverPaid) {
    go("PENDING_PAYMENT", firstSeen, "同步订单", ingest, SYSTEM, null, placed);
    const buyerCancels = rng.chance(0.3);
    const cancelAt = placed + (buyerCancels ? span(M, UNPAID_TIMEOUT[platform]) : UNPAID_TIMEOUT[platform]);
    if (platform === "OWN_MALL") go("CANCELLED", buyerCancels ? seen(cancelAt) : cancelAt, buyerCancels ? "买家取消订单" : "超时未支付自动取消", buyerCancels ? "PLATFORM_PUSH" : "SCHEDULER", SYSTEM, buyerCancels ? "买家主动取消" : "超时未支付", cancelAt);
    else go("CANCELLED", seen(cancelAt), "同步订单", ingest, SYSTEM, buyerCancels ? "买家取消订单" : "超时未支付，交易关闭", cancelAt);
    return finish();
  }

  // JD and PDD expose orders only once paid; others may be seen while still unpaid.
  const quick = platform === "JD" || platform === "PDD";
  const payDelay = quick ? rng.int(8, 600) * S : rng.chance(0.85) ? rng.int(8, 180) * S : span(3 * M, platform === "TMALL" ? 6 * H : 25 * M);
  const paid = placed + payDelay;
  if (!quick && firstSeen < paid) {
    go("PENDING_PAYMENT", firstSeen, platform === "OWN_MALL" ? "创建订单" : "同步订单", ingest, SYSTEM, null, placed);
  }
  const paidSource: StatusSource = platform === "OWN_MALL" ? "PAYMENT_NOTIFY" : ingest;
  const paidSeen = platform === "OWN_MALL" ? paid + rng.int(1, 3) * S : seen(paid);
  if (!go("PAID", paidSeen, platform === "OWN_MALL" ? "支付成功通知" : "同步订单：买家已付款", paidSource, SYSTEM, null, paid)) return finish();
  life.paidAt = paid;

  if (input.unknownStatus) {
    go("NEEDS_REVIEW", last + S, "平台状态无法识别", ingest, SYSTEM, "未知的平台状态值，保留原始报文待人工复核");
    return finish();
  }
  if (input.addressReview) {
    go("NEEDS_REVIEW", last + S, "地址待复核", "SCHEDULER", SYSTEM, "收货地址缺少区/县");
    go("PAID", last + span(20 * M, 72 * H), "人工复核通过", "CONSOLE", staff(STAFF.cs), "已电话联系买家确认地址");
  }
  if (input.hold === "platform") {
    go("ON_HOLD", last + S, "平台风控拦截", ingest, SYSTEM, "平台风控审核中，暂停发货");
    const release = last + span(H, 30 * H);
    go("PAID", seen(release), "平台解除拦截", ingest, SYSTEM, null, release);
  } else if (input.hold === "approval") {
    go("ON_HOLD", last + S, "大额订单拦截", "SCHEDULER", SYSTEM, "订单金额超过 ¥5,000，需区域经理审批");
    go("PAID", last + span(20 * M, 12 * H), "审批通过", "CONSOLE", staff(STAFF.regionalManager), "已核实买家信息");
  } else if (input.hold === "lowPrice") {
    go("ON_HOLD", last + S, "超低价订单拦截", "SCHEDULER", SYSTEM, "实付金额异常低，发货前需经理审批");
  }

  // The hub pushes paid orders to the WMS in waves every few minutes.
  const pushAt = last + (input.pushStuck ? span(6 * H, 48 * H) : rng.int(1, 20) * M);
  if (input.hold !== "lowPrice") {
    if (input.pushStuck) go("PUSHED_TO_WMS", pushAt, "重新推送仓库", "CONSOLE", staff(STAFF.ops), "WMS 接口超时进入死信，人工重推");
    else go("PUSHED_TO_WMS", pushAt, "推送仓库", "SCHEDULER");
  }
  let shipAt = inWorkingHours(Math.max(pushAt, last) + span(40 * M, 20 * H), rng);
  if (input.shipStuck) shipAt += span(24 * H, 96 * H);

  if (input.refund === "preShip" || input.hold === "lowPrice") {
    if (input.hold === "lowPrice" && input.refund !== "preShip") return finish();
    const reqAt = Math.max(last + M, Math.min(shipAt - 10 * M, paid + span(10 * M, 20 * H)));
    const reason = input.hold === "lowPrice" ? "测试单，关闭并退款" : rng.pick(REFUND_REASONS.preShip);
    const consoleDriven = platform === "OWN_MALL" || input.hold === "lowPrice";
    if (!go("AFTER_SALE", consoleDriven ? reqAt : seen(reqAt), "买家申请退款", consoleDriven ? "CONSOLE" : ingest, consoleDriven ? staff(STAFF.cs) : SYSTEM, reason, reqAt)) return finish();
    life.refund = { amountFen: input.paidFen, reason, status: "REQUESTED", requestedAt: reqAt, completedAt: null, afterShipment: false };
    const doneAt = reqAt + span(5 * M, 24 * H);
    const notify = platform === "OWN_MALL" ? "PAYMENT_NOTIFY" : ingest;
    if (go("REFUNDED", platform === "OWN_MALL" ? doneAt + 2 * S : seen(doneAt), "退款成功", notify, SYSTEM, null, doneAt)) {
      life.refund.status = "COMPLETED";
      life.refund.completedAt = doneAt;
    }
    return finish();
  }

  if (!go("SHIPPED", shipAt, "仓库回传发货", "WMS_CALLBACK", SYSTEM, null, shipAt + 2 * M)) return finish();
  life.shippedAt = shipAt;
  life.shippedBeforeRefund = true;

  // Logistics events: pick-up, transit, delivery; "stale" stops after the first scans.
  const pickup = shipAt + span(30 * M, 6 * H);
  const signed = inWorkingHours(pickup + input.transitDays * D + rng.int(-6, 6) * H, rng);
  const events: Array<[EpochMs, string]> = [];
  if (input.logistics !== "none") {
    events.push([pickup, "已揽收"], [pickup + rng.int(3, 10) * H, "运输中，快件已到达转运中心"]);
    if (input.logistics === "normal") events.push([signed - rng.int(2, 5) * H, "派送中"], [signed, "已签收，签收人：本人"]);
  }
  for (const [t, text] of events) {
    if (t <= now) {
      life.lastEventAt = t;
      life.lastEvent = text;
    }
  }

  const autoConfirm = shipAt + AUTO_CONFIRM_DAYS[platform] * D;
  if (input.logistics === "normal") {
    if (!go("DELIVERED", signed + rng.int(1, 30) * M, "快递签收", "LOGISTICS_PUSH")) return finish();
    life.deliveredAt = signed;
    if (input.refund !== "none") {
      const reqAt = signed + span(2 * H, 4 * D);
      const kind = input.refund === "returnFull" ? "returnFull" : "partial";
      const reason = rng.pick(REFUND_REASONS[kind]);
      if (!go("AFTER_SALE", seen(reqAt), input.refund === "returnFull" ? "买家申请退货退款" : "买家申请售后", ingest, SYSTEM, reason, reqAt)) return finish();
      const amountFen = input.refund === "returnFull" ? input.paidFen : input.partialRefundFen;
      life.refund = { amountFen, reason, status: "REQUESTED", requestedAt: reqAt, completedAt: null, afterShipment: true };
      const doneAt = reqAt + (input.refund === "returnFull" ? span(D, 6 * D) : span(H, 2 * D));
      if (input.refund === "returnFull") {
        if (go("REFUNDED", seen(doneAt), "退货退款完成", ingest, SYSTEM, null, doneAt)) Object.assign(life.refund, { status: "COMPLETED", completedAt: doneAt });
        return finish();
      }
      const rejected = input.refund === "rejected";
      const ok = go("DELIVERED", seen(doneAt), rejected ? "卖家拒绝售后" : "部分退款完成", ingest, SYSTEM, rejected ? "买家未提供有效凭证" : null, doneAt);
      if (!ok) return finish();
      Object.assign(life.refund, { status: rejected ? "REJECTED" : "COMPLETED", completedAt: doneAt });
    }
    const buyerConfirms = rng.chance(0.5);
    const confirmAt = Math.max(last + H, buyerConfirms ? signed + span(H, 3 * D) : Math.max(autoConfirm, signed + D));
    if (platform === "OWN_MALL") {
      if (go("COMPLETED", confirmAt, buyerConfirms ? "买家确认收货" : "系统自动确认收货", buyerConfirms ? "PLATFORM_PUSH" : "SCHEDULER", SYSTEM, null, confirmAt)) life.completedAt = confirmAt;
    } else if (go("COMPLETED", seen(confirmAt), buyerConfirms ? "买家确认收货" : "平台自动确认收货", ingest, SYSTEM, null, confirmAt)) {
      life.completedAt = confirmAt;
    }
  } else {
    // No sign-off from the carrier: the platform (or our own scheduler) auto-confirms receipt.
    const own = platform === "OWN_MALL";
    const at = own ? autoConfirm : seen(autoConfirm);
    if (go("COMPLETED", at, own ? "系统自动确认收货" : "平台自动确认收货", own ? "SCHEDULER" : ingest, SYSTEM, "物流长时间无更新，超时自动确认", autoConfirm)) {
      life.completedAt = autoConfirm;
    }
  }
  return finish();

  function storeReturn(after: EpochMs) {
    const reqAt = after + span(H, 3 * D);
    const reason = rng.pick(REFUND_REASONS.returnFull);
    if (!go("AFTER_SALE", reqAt, "门店退货登记", "CONSOLE", staff(STAFF.store), reason, reqAt)) return;
    life.refund = { amountFen: input.paidFen, reason, status: "REQUESTED", requestedAt: reqAt, completedAt: null, afterShipment: false };
    const doneAt = reqAt + rng.int(5, 40) * M;
    if (go("REFUNDED", doneAt, "门店退款完成", "CONSOLE", staff(STAFF.store), null, doneAt)) Object.assign(life.refund, { status: "COMPLETED", completedAt: doneAt });
  }

  function finish(): Lifecycle {
    life.status = cur ?? "PENDING_PAYMENT";
    return life;
  }
}
