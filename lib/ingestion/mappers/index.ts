/**
 * Entry point of the per-platform mappers: native payload → canonical order (pure; no DB, no
 * Next). Push, file import and pull all go through mapNativeOrder; parse raw bodies with
 * parseJsonLossless first, so 19-digit ids survive.
 */
import type { Platform } from "../../db/generated/prisma/enums";
import { mapDouyinOrder } from "./douyin";
import { mapJdOrder } from "./jd";
import type { MapperOptions } from "./options";
import { mapOwnMallOrder } from "./own-mall";
import { mapPddOrder } from "./pdd";
import { mapPosOrder } from "./pos";
import type { MapResult } from "./shared";
import { mapTaobaoOrder } from "./taobao";

export type NativePlatform = Platform;

export function mapNativeOrder(platform: NativePlatform, payload: unknown, options: MapperOptions = {}): MapResult {
  switch (platform) {
    case "TMALL":
      return mapTaobaoOrder(payload, options);
    case "JD":
      return mapJdOrder(payload, options);
    case "PDD":
      return mapPddOrder(payload, options);
    case "DOUYIN":
      return mapDouyinOrder(payload);
    case "OWN_MALL":
      return mapOwnMallOrder(payload);
    case "POS":
      return mapPosOrder(payload);
    default:
      // Reached only from untyped callers (a channel row with a platform this build does not know).
      return { ok: false, code: "UNSUPPORTED_PLATFORM", message: `不支持的渠道平台：${String(platform)}` };
  }
}

export { parseJsonLossless, quoteBigIntegers } from "./lossless-json";
export { MAP_ERROR_CODES, type MapErrorCode, type MapResult } from "./shared";
export type { MapperOptions } from "./options";
export { mapDouyinOrder, mapJdOrder, mapOwnMallOrder, mapPddOrder, mapPosOrder, mapTaobaoOrder };
export { ownMallOrderSchema, type OwnMallOrder } from "./own-mall";
export { posOrderSchema, type PosOrder } from "./pos";
export { HUB_STATUSES } from "./hub-order";
