/**
 * Quarantine: input that failed signature, parsing or validation, kept raw with its reason
 * (SPEC §1: bad input loses nothing). The 数据接入 page lists it; replay-quarantined.ts fixes and
 * replays it through the same write path.
 */
import type { Db } from "../db/client";
import type { StatusSource } from "../db/generated/prisma/enums";

/** Reasons beyond the mappers' own codes (MAP_ERROR_CODES). */
export const INTAKE_ERROR_CODES = ["BAD_SIGNATURE", "UNKNOWN_CHANNEL", "INVALID_JSON", "EMPTY_BATCH", "BATCH_TOO_LARGE", "BODY_TOO_LARGE", "INVALID_ROW"] as const;
export type IntakeErrorCode = (typeof INTAKE_ERROR_CODES)[number];

export const INTAKE_MESSAGES: Record<IntakeErrorCode, string> = {
  BAD_SIGNATURE: "签名校验失败：X-Signature 应为用渠道密钥对原始请求体计算的 HMAC-SHA256（十六进制）；抖音渠道也可用 event-sign = md5(app_key + 请求体 + app_secret)",
  UNKNOWN_CHANNEL: "渠道不存在或已停用",
  INVALID_JSON: "请求体不是有效的 JSON",
  EMPTY_BATCH: "批量推送中没有订单",
  BATCH_TOO_LARGE: "单次批量推送最多 500 单",
  BODY_TOO_LARGE: "请求体过大（上限 10 MB）",
  INVALID_ROW: "文件行无法读取",
};

// Keeps one hostile or broken sender from filling the database with a single request.
export const MAX_QUARANTINED_BODY = 10 * 1024 * 1024;

export interface QuarantineInput {
  channelId: string;
  source: StatusSource;
  reasonCode: string;
  reason: string;
  field?: string | null;
  rawBody: string;
  platformOrderId?: string | null;
  importJobId?: string | null;
  rowNo?: number | null;
}

export async function quarantinePayload(db: Db, q: QuarantineInput): Promise<string> {
  // Re-importing a file must change nothing: the same bad row is kept once, not once per import.
  if (q.source === "FILE_IMPORT") {
    const seen = await db.quarantinedPayload.findFirst({ where: { channelId: q.channelId, source: "FILE_IMPORT", reasonCode: q.reasonCode, rawBody: q.rawBody }, select: { id: true } });
    if (seen) return seen.id;
  }
  const row = await db.quarantinedPayload.create({
    data: {
      channelId: q.channelId.slice(0, 128),
      source: q.source,
      reasonCode: q.reasonCode,
      reason: q.reason.slice(0, 1000),
      field: q.field ?? null,
      rawBody: q.rawBody.length > MAX_QUARANTINED_BODY ? q.rawBody.slice(0, MAX_QUARANTINED_BODY) : q.rawBody,
      platformOrderId: q.platformOrderId ?? null,
      importJobId: q.importJobId ?? null,
      rowNo: q.rowNo ?? null,
    },
    select: { id: true },
  });
  await db.ingestEvent.create({
    data: { channelId: q.channelId.slice(0, 128), source: q.source, outcome: "QUARANTINED", platformOrderId: q.platformOrderId ?? null, invalidFields: q.field ? [q.field] : [] },
  });
  return row.id;
}
