/** The quarantine list and one item, for the 数据接入 page (ingestion.manage; raw bodies and reasons masked). */
import type { Actor } from "../../access/actor";
import { assertWholeBook } from "../../access/whole-book";
import type { Db } from "../../db/client";
import type { QuarantineStatus } from "../../db/generated/prisma/enums";
import { AppError } from "../../errors/app-error";
import { maskRawPayload, maskRawText } from "./mask-raw";

export const QUARANTINE_PAGE_SIZE = 50;

export interface QuarantineRow {
  id: string;
  channelId: string;
  channelName: string | null;
  source: string;
  reasonCode: string;
  reason: string;
  field: string | null;
  platformOrderId: string | null;
  rowNo: number | null;
  status: QuarantineStatus;
  createdAt: Date;
}

export async function listQuarantine(db: Db, actor: Actor, input: { status: QuarantineStatus | "ALL"; page: number }) {
  assertWholeBook(actor, "ingestion.manage");
  const where = input.status === "ALL" ? {} : { status: input.status };
  const page = Math.max(1, Math.min(input.page, 1000));
  const [rows, total, channels] = await Promise.all([
    db.quarantinedPayload.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * QUARANTINE_PAGE_SIZE,
      take: QUARANTINE_PAGE_SIZE,
      select: { id: true, channelId: true, source: true, reasonCode: true, reason: true, field: true, platformOrderId: true, rowNo: true, status: true, createdAt: true },
    }),
    db.quarantinedPayload.count({ where }),
    db.channel.findMany({ select: { id: true, name: true }, take: 200 }),
  ]);
  const names = new Map(channels.map((c) => [c.id, c.name]));
  // A mapper's reason may quote the bad value (a phone, an address): masked here as on the detail view.
  return { rows: rows.map((r) => ({ ...r, reason: maskRawText(actor, r.reason), channelName: names.get(r.channelId) ?? null })) as QuarantineRow[], total, page, pageSize: QUARANTINE_PAGE_SIZE };
}

export async function getQuarantined(db: Db, actor: Actor, id: string) {
  assertWholeBook(actor, "ingestion.manage");
  const row = await db.quarantinedPayload.findUnique({ where: { id } });
  if (!row) throw new AppError("QUARANTINE_NOT_FOUND");
  const channel = await db.channel.findUnique({ where: { id: row.channelId }, select: { name: true, platform: true } });
  const { rawBody, resolvedById: _r, ...rest } = row;
  // Masked like the order pages; JSON comes pretty-printed for editing (19-digit ids kept exact).
  return { ...rest, reason: maskRawText(actor, row.reason), channelName: channel?.name ?? null, platform: channel?.platform ?? null, rawBody: maskRawPayload(actor, rawBody) };
}
