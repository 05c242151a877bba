import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { WEBHOOK_KINDS } from "./robot-message";

export const SaveWebhookInput = z.object({
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(60),
  kind: z.enum(WEBHOOK_KINDS),
  url: z.string().trim().max(500),
  /** Empty keeps the saved secret (it is never sent back to the browser). */
  secret: z.string().trim().max(200).optional(),
  enabled: z.boolean(),
});

/** Robot webhooks for severe exceptions; the secret is never selected for the page. */
export async function listWebhooks(db: Db, actor: Actor) {
  assertCan(actor, "rules.manage");
  const hooks = await db.alertWebhook.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, kind: true, url: true, enabled: true, secret: true } });
  return hooks.map(({ secret, ...h }) => ({ ...h, hasSecret: !!secret }));
}

export async function saveWebhook(db: Db, actor: Actor, input: z.infer<typeof SaveWebhookInput>) {
  assertCan(actor, "rules.manage");
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new AppError("WEBHOOK_INVALID", { field: "url" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AppError("WEBHOOK_INVALID", { field: "url" });
  const data = { name: input.name, kind: input.kind, url: url.toString(), enabled: input.enabled, ...(input.secret ? { secret: input.secret } : {}) };
  const saved = input.id
    ? await db.alertWebhook.update({ where: { id: input.id }, data, select: { id: true } }).catch(() => null)
    : await db.alertWebhook.create({ data, select: { id: true } });
  if (!saved) throw new AppError("WEBHOOK_INVALID", { field: "id" });
  await recordAudit(db, actor, { action: "rules.webhook", entityType: "alert_webhook", entityId: saved.id, detail: { name: input.name, kind: input.kind, url: data.url, enabled: input.enabled, secretChanged: !!input.secret } });
  return saved;
}
