/**
 * Marketplace payload shapes (shared/formats/tmall-jd.md, pdd-douyin.md). Amount fields satisfy
 * each platform's documented arithmetic, so a mapper fed these payloads reproduces the order's
 * canonical money exactly.
 */
import { PROVINCES } from "../geo/regions";
import { chinaDateTime } from "./numbers";
import {
  bigNumber, CARRIERS, cipher, fulfilmentOf, maskDetail, maskName, stringify, yuan,
  type NativePayload, type PayloadContext,
} from "./payload-kit";
import type { EpochMs } from "./types";

const MANJIAN: Record<number, string> = { 1000: "满99减10", 2000: "满199减20", 3000: "满299减30", 5000: "满399减50" };
const short = (province: string) => PROVINCES.find((p) => p.name === province)?.short ?? province;
const dt = (ms: EpochMs | null) => (ms === null ? undefined : chinaDateTime(ms));
const secs = (ms: EpochMs | null) => (ms === null ? 0 : Math.floor(ms / 1000));

type RefundState = "none" | "requested" | "full" | "partial" | "rejected";
function refundState(ctx: PayloadContext): RefundState {
  const r = ctx.life.refund;
  if (!r) return "none";
  if (r.status === "REQUESTED") return "requested";
  if (r.status === "REJECTED") return "rejected";
  return r.amountFen >= ctx.pricing.paidFen ? "full" : "partial";
}
/** Index of the line a partial refund concerns (the line whose paid share it equals, else the first). */
function refundLine(ctx: PayloadContext): number {
  const amount = ctx.life.refund?.amountFen ?? -1;
  const i = ctx.pricing.lines.findIndex((l) => l.paidFen === amount);
  return i < 0 ? 0 : i;
}
const isFullRefund = (ctx: PayloadContext) => (ctx.life.refund?.amountFen ?? 0) >= ctx.pricing.paidFen;

export function tmallPayload(ctx: PayloadContext): NativePayload {
  const { life, pricing: pr, address: a, rng } = ctx;
  const f = fulfilmentOf(life);
  const rs = refundState(ctx);
  let status: string;
  if (ctx.status === "PENDING_PAYMENT") status = "WAIT_BUYER_PAY";
  else if (ctx.status === "CANCELLED") status = "TRADE_CLOSED_BY_TAOBAO";
  else if (ctx.unknownStatus) status = "TRADE_ACTIVE";
  else if (rs === "full") status = "TRADE_CLOSED";
  else if (ctx.status === "ON_HOLD" && ctx.hold === "platform") status = "PAID_FORBID_CONSIGN";
  else status = f === "unshipped" ? "WAIT_SELLER_SEND_GOODS" : f === "completed" ? "TRADE_FINISHED" : "WAIT_BUYER_CONFIRM_GOODS";

  const touched = refundLine(ctx);
  const single = pr.lines.length === 1;
  const orders = pr.lines.map((l, i) => {
    const hit = rs !== "none" && (isFullRefund(ctx) || i === touched);
    const refund = !hit ? "NO_REFUND" : rs === "requested" ? (life.refund?.afterShipment ? "WAIT_BUYER_RETURN_GOODS" : "WAIT_SELLER_AGREE") : rs === "rejected" ? "CLOSED" : "SUCCESS";
    const total = l.unitPriceFen * l.quantity - l.discountFen;
    const share = l.orderMerchantShare + l.subsidyShare + l.couponShare;
    return {
      oid: bigNumber(ctx.platformOrderId.slice(0, -2) + String(10 + i)),
      oid_str: ctx.platformOrderId.slice(0, -2) + String(10 + i),
      num_iid: 600000000000 + (ctx.index % 7) * 1000 + i,
      sku_id: String(5000000000000 + (l.sku.code.length * 7919 + l.unitPriceFen) % 1000000),
      outer_sku_id: l.sku.code,
      title: l.sku.title,
      sku_properties_name: l.sku.variant,
      price: yuan(l.unitPriceFen),
      num: l.quantity,
      discount_fee: yuan(l.discountFen),
      adjust_fee: "0.00",
      total_fee: yuan(total),
      part_mjz_discount: yuan(share),
      divide_order_fee: yuan(l.paidFen),
      payment: refund === "SUCCESS" ? "0.00" : yuan(single ? pr.paidFen : total),
      status: refund === "SUCCESS" ? "TRADE_CLOSED" : status,
      refund_status: refund,
      ...(life.shippedAt !== null && ctx.shipment
        ? { consign_time: dt(life.shippedAt), logistics_company: CARRIERS[ctx.shipment.carrier].name, invoice_no: ctx.shipment.trackingNo }
        : {}),
    };
  });
  const tid = bigNumber(ctx.platformOrderId);
  const promotions = pr.lines.filter((l) => l.discountFen > 0).map((l) => ({ id: tid, promotion_name: "限时折扣", discount_fee: yuan(l.discountFen) }));
  if (pr.orderMerchantFen) promotions.push({ id: tid, promotion_name: MANJIAN[pr.orderMerchantFen] ?? "店铺满减", discount_fee: yuan(pr.orderMerchantFen) });
  if (pr.platformSubsidyFen) promotions.push({ id: tid, promotion_name: "天猫官方补贴", discount_fee: yuan(pr.platformSubsidyFen) });

  const trade = {
    tid: bigNumber(ctx.platformOrderId),
    tid_str: ctx.platformOrderId,
    status,
    type: "fixed",
    buyer_nick: ctx.buyerNick ? `${ctx.buyerNick.slice(0, 1)}**` : undefined,
    buyer_open_uid: `AAF${cipher(rng, 20)}`,
    created: dt(ctx.placedAt),
    pay_time: dt(life.paidAt),
    consign_time: dt(life.shippedAt),
    end_time: dt(life.completedAt ?? (status.startsWith("TRADE_CLOSED") ? life.platformModifiedAt : null)),
    modified: dt(life.platformModifiedAt),
    total_fee: yuan(pr.goodsFen),
    discount_fee: yuan(pr.orderMerchantFen + pr.platformSubsidyFen),
    adjust_fee: "0.00",
    post_fee: yuan(pr.freightFen),
    payment: yuan(pr.paidFen),
    received_payment: f === "completed" ? yuan(pr.paidFen) : "0.00",
    platform_subsidy_fee: pr.platformSubsidyFen ? yuan(pr.platformSubsidyFen) : undefined,
    buyer_message: ctx.buyerNote ?? undefined,
    seller_memo: ctx.sellerNote ?? undefined,
    seller_flag: ctx.sellerNote ? 1 : 0,
    invoice_kind: ctx.invoice ? "1" : undefined,
    receiver_name: maskName(ctx.receiverName),
    receiver_mobile: ctx.receiverPhone ? `*******${ctx.receiverPhone.slice(-4)}` : undefined,
    // Taobao sends the province both ways ("上海" / "上海市"): the mapper must normalise.
    receiver_state: rng.chance(0.3) ? short(a.province) : a.province,
    receiver_city: a.city,
    receiver_district: a.district ?? undefined,
    receiver_address: maskDetail(a.detail),
    oaid: `1${cipher(rng, 30)}`,
    orders: { order: orders },
    promotion_details: promotions.length ? { promotion_detail: promotions } : undefined,
  };
  return { json: stringify({ trade_fullinfo_get_response: { trade, request_id: cipher(rng, 12).toLowerCase() } }), platformStatus: status };
}

export function jdPayload(ctx: PayloadContext): NativePayload {
  const { life, pricing: pr, address: a, rng } = ctx;
  const f = fulfilmentOf(life);
  const rs = refundState(ctx);
  const pre = life.refund !== null && !life.refund.afterShipment;
  let state: string;
  if (pre && rs === "full") state = "TRADE_CANCELED";
  else if (pre && rs === "requested") state = "LOCKED";
  else if (ctx.status === "ON_HOLD" && ctx.hold === "platform") state = "POP_ORDER_PAUSE";
  else state = f === "unshipped" ? "WAIT_SELLER_STOCK_OUT" : f === "completed" ? "FINISHED_L" : "WAIT_GOODS_RECEIVE_CONFIRM";
  const remark: Record<string, string> = {
    TRADE_CANCELED: "取消", LOCKED: "锁定", POP_ORDER_PAUSE: "暂停", WAIT_SELLER_STOCK_OUT: "等待出库",
    FINISHED_L: "完成", WAIT_GOODS_RECEIVE_CONFIRM: "等待确认收货",
  };
  const skuIds = pr.lines.map((_, i) => `1000${String(ctx.index % 100000).padStart(5, "0")}${i}${rng.digits(3)}`);
  const coupons = [
    ...pr.lines.flatMap((l, i) => (l.discountFen ? [{ orderId: ctx.platformOrderId, skuId: skuIds[i], couponType: "30-单品促销优惠", couponPrice: yuan(l.discountFen) }] : [])),
    ...(pr.orderMerchantFen ? [{ orderId: ctx.platformOrderId, skuId: "", couponType: "100-店铺优惠", couponPrice: yuan(pr.orderMerchantFen) }] : []),
    ...(pr.platformSubsidyFen ? [{ orderId: ctx.platformOrderId, skuId: "", couponType: "41-京东券优惠", couponPrice: yuan(pr.platformSubsidyFen) }] : []),
  ];
  const orderInfo = {
    orderId: ctx.platformOrderId, venderId: ctx.shopCode, orderType: "22", payType: "4-在线支付",
    orderState: state, orderStateRemark: remark[state],
    orderTotalPrice: yuan(pr.goodsFen), sellerDiscount: yuan(pr.merchantDiscountFen),
    orderSellerPrice: yuan(pr.goodsFen - pr.merchantDiscountFen), freightPrice: yuan(pr.freightFen),
    balanceUsed: "0.00", orderPayment: yuan(pr.paidFen),
    orderStartTime: dt(ctx.placedAt), paymentConfirmTime: dt(life.paidAt) ?? "0001-01-01 00:00:00",
    modified: dt(life.platformModifiedAt), orderEndTime: dt(life.completedAt) ?? "0001-01-01 00:00:00",
    orderRemark: ctx.buyerNote ?? "", venderRemark: ctx.sellerNote ?? "", open_id_buyer: `jd${cipher(rng, 18)}`,
    invoiceInfo: ctx.invoice ? "电子发票" : "不需要开具发票", invoiceEasyInfo: { invoiceType: ctx.invoice ? "3" : "0" },
    consigneeInfo: {
      fullname: `AAS/${cipher(rng, 16)}`, fullAddress: `AAS/${cipher(rng, 32)}`,
      mobile: ctx.receiverPhone ? `${ctx.receiverPhone.slice(0, 3)}*******${ctx.receiverPhone.slice(-1)}` : "",
      desen_mobile: cipher(rng, 16).toLowerCase(), province: short(a.province), city: a.city, county: a.district ?? "", town: "",
    },
    itemInfoList: pr.lines.map((l, i) => ({
      skuId: skuIds[i], outerSkuId: l.sku.code, skuName: `${l.sku.title} ${l.sku.variant.replace(/[^:;]+:/g, "").replace(/;/g, " ")}`.trim(),
      jdPrice: yuan(l.unitPriceFen), itemTotal: String(l.quantity), wareId: `10000${rng.digits(7)}`, newStoreId: "0",
    })),
    couponDetailList: coupons,
    waybill: ctx.shipment && life.shippedAt !== null ? ctx.shipment.trackingNo : "",
    logisticsId: ctx.shipment && life.shippedAt !== null ? CARRIERS[ctx.shipment.carrier].jd : "",
    storeOrder: "", storeId: "0",
  };
  return {
    json: stringify({ jingdong_pop_order_get_responce: { code: "0", orderDetailInfo: { apiResult: { success: true, numberCode: 0 }, orderInfo } } }),
    platformStatus: state,
  };
}

export function pddPayload(ctx: PayloadContext): NativePayload {
  const { life, pricing: pr, address: a, rng } = ctx;
  const f = fulfilmentOf(life);
  const rs = refundState(ctx);
  // PDD's 3 (已签收) is the buyer's receipt, the end of the order: a carrier's sign-off alone stays 2.
  const orderStatus = f === "unshipped" ? 1 : f === "completed" ? 3 : 2;
  const refundStatus = rs === "requested" ? 2 : rs === "full" || rs === "partial" ? 4 : 1;
  const risk = ctx.status === "ON_HOLD" && ctx.hold === "platform" ? 1 : 0;
  const afterSales = rs === "requested" ? (life.refund?.afterShipment ? 3 : 2) : rs === "full" || rs === "partial" ? 10 : rs === "rejected" ? 9 : 0;
  const ship = ctx.shipment && life.shippedAt !== null ? ctx.shipment : null;
  const info = {
    order_sn: ctx.platformOrderId, trade_type: 0, confirm_status: 1, group_status: 1,
    order_status: orderStatus, refund_status: refundStatus,
    after_sales_status: afterSales,
    risk_control_status: risk,
    created_time: dt(ctx.placedAt), pay_time: dt(life.paidAt) ?? "", confirm_time: dt(life.paidAt) ?? "",
    updated_at: dt(life.platformModifiedAt), last_ship_time: dt(ctx.placedAt + 48 * 3_600_000),
    shipping_time: dt(life.shippedAt) ?? "", receive_time: dt(life.completedAt) ?? "",
    goods_amount: pr.goodsFen / 100, seller_discount: pr.merchantDiscountFen / 100, platform_discount: pr.platformSubsidyFen / 100,
    capital_free_discount: 0, discount_amount: (pr.merchantDiscountFen + pr.platformSubsidyFen) / 100,
    order_change_amount: 0, postage: pr.freightFen / 100, pay_amount: pr.paidFen / 100,
    pay_type: ctx.payment?.method === "ALIPAY" ? "ALIPAY" : "WEIXIN", pay_no: ctx.payment?.txnId ?? "",
    province: a.province, city: a.city, town: a.district ?? "", town_id: a.district ? 100000 + (ctx.index % 9000) : 0,
    receiver_name: `~${cipher(rng, 24)}~0~`, receiver_name_mask: maskName(ctx.receiverName),
    receiver_phone: `~${cipher(rng, 24)}~0~`, receiver_phone_mask: ctx.receiverPhone ? `${ctx.receiverPhone.slice(0, 7)}****` : "",
    receiver_address: `~${cipher(rng, 40)}~0~`, receiver_address_mask: maskDetail(a.detail),
    buyer_memo: ctx.buyerNote ?? "", remark: ctx.sellerNote ?? "",
    logistics_id: ship ? CARRIERS[ship.carrier].pdd : 0, tracking_number: ship?.trackingNo ?? "",
    item_list: pr.lines.map((l, i) => ({
      goods_id: 600000000000 + (ctx.index % 50000) * 10 + i, sku_id: 1300000000000 + (ctx.index % 50000) * 10 + i,
      outer_id: l.sku.code, outer_goods_id: l.sku.code.split("-")[0], goods_name: l.sku.title,
      goods_spec: l.sku.variant.replace(/[^:;]+:/g, "").replace(/;/g, ","), goods_price: l.unitPriceFen / 100, goods_count: l.quantity,
    })),
  };
  // Same shape as lib/ingestion/mappers/pdd.ts writes: every status-bearing field, in its order.
  const platformStatus = `order_status=${orderStatus};confirm_status=1;group_status=1;refund_status=${refundStatus};risk_control_status=${risk};after_sales_status=${afterSales}`;
  return { json: stringify({ order_info_get_response: { order_info: info } }), platformStatus };
}

export function douyinPayload(ctx: PayloadContext): NativePayload {
  const { life, pricing: pr, address: a, rng } = ctx;
  const f = fulfilmentOf(life);
  const rs = refundState(ctx);
  let status = f === "unshipped" ? 2 : f === "completed" ? 5 : 3;
  let main = status;
  if (ctx.status === "PENDING_PAYMENT") status = main = 1;
  else if (ctx.status === "CANCELLED") status = main = 4;
  else if (ctx.unknownStatus) status = main = 102; // not in any documented enum
  else if (rs === "full") {
    status = 4;
    main = !life.refund?.afterShipment ? 21 : life.deliveredAt !== null ? 39 : 22;
  } else if (ctx.status === "ON_HOLD" && ctx.hold === "platform") status = main = 105;
  const desc: Record<number, string> = { 1: "待支付", 2: "备货中", 3: "已发货", 4: rs === "full" ? "已关闭" : "已取消", 5: "已完成", 102: "未知状态", 105: "已支付" };
  const touched = refundLine(ctx);
  const ship = ctx.shipment && life.shippedAt !== null ? ctx.shipment : null;
  const children = pr.lines.map((l, i) => {
    const id = i === 0 ? ctx.platformOrderId : `${ctx.platformOrderId.slice(0, -3)}${String(100 + i)}`;
    const hit = rs !== "none" && (isFullRefund(ctx) || i === touched);
    const post = i === 0 ? pr.freightFen : 0;
    const promo = l.discountFen + l.orderMerchantShare + l.subsidyShare + l.couponShare;
    return {
      order_id: id, parent_order_id: ctx.platformOrderId, order_level: 3, order_status: status, main_status: main, trade_type: 0,
      product_id: bigNumber(`36602${String(ctx.index % 100).padStart(2, "0")}${String(l.unitPriceFen).padStart(12, "0")}`),
      product_id_str: `36602${String(ctx.index % 100).padStart(2, "0")}${String(l.unitPriceFen).padStart(12, "0")}`,
      sku_id: 1780000000000 + (ctx.index % 100000) * 10 + i, out_sku_id: l.sku.code, product_name: l.sku.title,
      spec: l.sku.variant ? l.sku.variant.split(";").map((kv) => ({ name: kv.split(":")[0], value: kv.split(":")[1] })) : [],
      origin_amount: l.unitPriceFen, item_num: l.quantity, sum_amount: l.unitPriceFen * l.quantity,
      promotion_amount: promo - l.couponShare, promotion_shop_amount: l.discountFen + l.orderMerchantShare,
      promotion_platform_amount: l.subsidyShare, promotion_talent_amount: 0, promotion_pay_amount: l.couponShare,
      post_amount: post, order_amount: l.paidFen + l.couponShare + post, pay_amount: l.paidFen + post,
      after_sale_info: !hit
        ? { after_sale_status: 0, after_sale_type: 0, refund_status: 0 }
        : rs === "requested"
          ? { after_sale_status: 6, after_sale_type: life.refund?.afterShipment ? 0 : 2, refund_status: 1 }
          : rs === "rejected"
            ? { after_sale_status: 27, after_sale_type: 1, refund_status: 4 }
            : { after_sale_status: 12, after_sale_type: life.refund?.afterShipment ? 0 : 2, refund_status: 3 },
    };
  });
  const detail = {
    order_id: ctx.platformOrderId, order_level: 2, shop_id: Number(ctx.shopCode), order_status: status,
    order_status_desc: desc[status], main_status: main, order_type: 0,
    create_time: secs(ctx.placedAt), pay_time: secs(life.paidAt), update_time: secs(life.platformModifiedAt),
    exp_ship_time: secs(ctx.placedAt + 48 * 3_600_000), ship_time: secs(life.shippedAt), finish_time: secs(life.completedAt),
    pay_type: ctx.payment?.method === "ALIPAY" ? 2 : 1, channel_payment_no: ctx.payment?.txnId ?? "",
    // The buyer's coupon here is 抖音支付立减 (promotion_pay_amount): outside shop and platform funding.
    order_amount: pr.paidFen + pr.couponFen, pay_amount: pr.paidFen, post_amount: pr.freightFen,
    promotion_amount: pr.merchantDiscountFen + pr.platformSubsidyFen,
    promotion_shop_amount: pr.merchantDiscountFen, promotion_platform_amount: pr.platformSubsidyFen,
    promotion_talent_amount: 0, promotion_pay_amount: pr.couponFen, shop_cost_amount: pr.merchantDiscountFen,
    platform_cost_amount: pr.platformSubsidyFen, only_platform_cost_amount: pr.platformSubsidyFen, author_cost_amount: 0,
    doudian_open_id: `1@#${cipher(rng, 24)}`,
    encrypt_post_receiver: `##${cipher(rng, 12)}*${cipher(rng, 24)}#1##`, encrypt_post_tel: `$$${cipher(rng, 12)}*${cipher(rng, 24)}$1$$`,
    mask_post_receiver: maskName(ctx.receiverName),
    mask_post_tel: ctx.receiverPhone ? `${ctx.receiverPhone.slice(0, 3)}****${ctx.receiverPhone.slice(-4)}` : "",
    post_addr: {
      province: { name: a.province, id: "" }, city: { name: a.city, id: "" }, town: { name: a.district ?? "", id: "" },
      street: { name: "", id: "" }, encrypt_detail: `##${cipher(rng, 12)}*${cipher(rng, 32)}#1##`,
    },
    buyer_words: ctx.buyerNote ?? "", seller_words: ctx.sellerNote ?? "",
    logistics_info: ship
      ? [{ tracking_no: ship.trackingNo, company: CARRIERS[ship.carrier].k100, company_name: CARRIERS[ship.carrier].name, ship_time: secs(life.shippedAt),
          product_info: children.map((c) => ({ sku_order_id: c.order_id, product_count: c.item_num })) }]
      : [],
    sku_order_list: children,
  };
  const platformStatus = `order_status=${status};main_status=${main}`;
  return { json: stringify({ code: 10000, msg: "success", data: { shop_order_detail: detail } }), platformStatus };
}
