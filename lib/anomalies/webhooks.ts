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

const MASK = "****";

/**
 * A robot URL as the browser and the audit log see it: host and path, every query value masked (the
 * credential rides in the query: DingTalk's access_token, WeCom's key). The stored URL keeps it.
 */
export function maskWebhookUrl(stored: string): string {
  const u = new URL(stored);
  for (const k of new Set(u.searchParams.keys())) u.searchParams.set(k, MASK);
  return u.toString();
}

/** Robot webhooks for severe exceptions; the secret is never selected for the page, the URL only masked. */
export async function listWebhooks(db: Db, actor: Actor) {
  assertCan(actor, "rules.manage");
  const hooks = await db.alertWebhook.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, kind: true, url: true, enabled: true, secret: true } });
  return hooks.map(({ secret, url, ...h }) => ({ ...h, url: maskWebhookUrl(url), hasSecret: !!secret }));
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
  const data = { name: input.name, kind: input.kind, url: await storedUrl(db, input.id, url), enabled: input.enabled, ...(input.secret ? { secret: input.secret } : {}) };
  const saved = input.id
    ? await db.alertWebhook.update({ where: { id: input.id }, data, select: { id: true } }).catch(() => null)
    : await db.alertWebhook.create({ data, select: { id: true } });
  if (!saved) throw new AppError("WEBHOOK_INVALID", { field: "id" });
  await recordAudit(db, actor, { action: "rules.webhook", entityType: "alert_webhook", entityId: saved.id, detail: { name: input.name, kind: input.kind, url: maskWebhookUrl(data.url), enabled: input.enabled, secretChanged: !!input.secret } });
  return saved;
}

/**
 * The URL to store: the edit form sends back the masked one; unchanged, it keeps the saved URL. A
 * masked value anywhere else cannot be resolved (and must not carry the credential to a new address).
 */
async function storedUrl(db: Db, id: string | undefined, url: URL): Promise<string> {
  const saved = id ? await db.alertWebhook.findUnique({ where: { id }, select: { url: true } }) : null;
  if (saved && maskWebhookUrl(saved.url) === url.toString()) return saved.url;
  if ([...url.searchParams.values()].includes(MASK)) throw new AppError("WEBHOOK_INVALID", { field: "url" });
  return url.toString();
}
