/**
 * Correct-and-replay: the corrected payload goes through the same mapper and write path as the
 * original would have; only when every order in it maps is anything written. Audited.
 */
import type { Actor } from "../../access/actor";
import { assertWholeBook } from "../../access/whole-book";
import { recordAudit } from "../../audit/record-audit";
import type { DbClient } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { ingestOrder, type IngestSource } from "../ingest-order";
import { mapNativeOrder, parseJsonLossless } from "../mappers";
import { splitBatch } from "../push/receive-push";
import { restoreCorrection } from "./mask-raw";

const INGEST_SOURCES: readonly string[] = ["PLATFORM_PUSH", "PLATFORM_PULL", "FILE_IMPORT"];

export async function replayQuarantined(db: DbClient, actor: Actor, input: { id: string; body: string }) {
  assertWholeBook(actor, "ingestion.manage");
  const row = await db.quarantinedPayload.findUnique({ where: { id: input.id }, select: { id: true, channelId: true, source: true, status: true, rawBody: true } });
  if (!row) throw new AppError("QUARANTINE_NOT_FOUND");
  if (row.status !== "OPEN") throw new AppError("QUARANTINE_CLOSED");
  const channel = await db.channel.findUnique({ where: { id: row.channelId }, select: { id: true, platform: true, active: true } });
  if (!channel?.active) throw new AppError("CHANNEL_NOT_FOUND");

  let corrected: unknown;
  try {
    corrected = parseJsonLossless(input.body);
  } catch {
    throw new AppError("REPLAY_FAILED", { message: "不是有效的 JSON" });
  }
  // Masked values the corrector left alone get their originals back (lib/ingestion/console/mask-raw.ts).
  const parsed = restoreCorrection(actor, row.rawBody, corrected);
  const payloads = splitBatch(parsed) ?? [parsed];
  if (payloads.length === 0) throw new AppError("REPLAY_FAILED", { message: "没有订单" });
  // File rows were turned into the hub's own order JSON (import/template.ts), whatever the channel.
  const mapAs = row.source === "FILE_IMPORT" ? "OWN_MALL" : channel.platform;
  const mapped = payloads.map((p) => mapNativeOrder(mapAs, p));
  const failed = mapped.find((m) => !m.ok);
  if (failed && !failed.ok) throw new AppError("REPLAY_FAILED", { message: failed.message, field: failed.field });

  const source = (INGEST_SOURCES.includes(row.source) ? row.source : "PLATFORM_PUSH") as IngestSource;
  const results = [];
  for (const [i, m] of mapped.entries()) if (m.ok) results.push(await ingestOrder(db, channel, m.order, payloads[i], source));

  const { count } = await db.quarantinedPayload.updateMany({
    where: { id: row.id, status: "OPEN" },
    data: { status: "REPLAYED", replayedOrderId: results[0]?.orderId ?? null, resolvedById: actor.id, resolvedAt: new Date() },
  });
  if (count === 0) throw new AppError("QUARANTINE_CLOSED"); // someone else replayed it meanwhile; the upsert was idempotent
  await recordAudit(db, actor, { action: "ingestion.replay", entityType: "quarantine", entityId: row.id, detail: { orders: results.map((r) => r.orderNo) } });
  return { orderNos: results.map((r) => r.orderNo), orderIds: results.map((r) => r.orderId) };
}

export async function discardQuarantined(db: DbClient, actor: Actor, input: { id: string; reason: string }) {
  assertWholeBook(actor, "ingestion.manage");
  const { count } = await db.quarantinedPayload.updateMany({
    where: { id: input.id, status: "OPEN" },
    data: { status: "DISCARDED", resolvedById: actor.id, resolvedAt: new Date() },
  });
  if (count === 0) {
    const exists = await db.quarantinedPayload.count({ where: { id: input.id } });
    throw new AppError(exists ? "QUARANTINE_CLOSED" : "QUARANTINE_NOT_FOUND");
  }
  await recordAudit(db, actor, { action: "ingestion.discard", entityType: "quarantine", entityId: input.id, detail: { reason: input.reason } });
  return { id: input.id };
}
