import { z } from "zod";
import { assertCan, can, type Actor } from "../access/actor";
import { orderScope, orderScopeSql } from "../access/scope";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { exceptionScope } from "./handle-exception";
import { APPROVAL_RULES, RULE_CODES } from "./rules";

/** The workbench filters (URL search params on the 异常工作台 page). */
export const ExceptionQuery = z.object({
  rule: z.enum(RULE_CODES).optional(),
  severity: z.enum(["LIGHT", "SEVERE"]).optional(),
  channel: z.string().max(64).optional(),
  /** "me", "none" or a user id. */
  assignee: z.string().max(64).optional(),
  status: z.enum(["OPEN_ALL", "OPEN", "CLAIMED", "RESOLVED", "AUTO_CLOSED", "ALL"]).default("OPEN_ALL"),
  /** Opened at least this many hours ago. */
  minAgeHours: z.coerce.number().int().min(0).max(24 * 365).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(10).max(200).default(50),
});
export type ExceptionQueryInput = z.input<typeof ExceptionQuery>;
export type ExceptionQueryParsed = z.infer<typeof ExceptionQuery>;

/** The filters from a request: anything malformed is INVALID_INPUT, never a 500. */
export function parseExceptionQuery(input: unknown): ExceptionQueryParsed {
  const parsed = ExceptionQuery.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { issues: parsed.error.issues.map((i) => i.path.join(".")) });
  return parsed.data;
}

/** May open the workbench: handlers, and approvers (who see it to decide). */
export const canSeeWorkbench = (actor: Actor) => can(actor, "exception.handle") || can(actor, "exception.approve");

export function exceptionWhere(actor: Actor, q: ExceptionQueryParsed, now = new Date()): Prisma.OrderExceptionWhereInput {
  const and: Prisma.OrderExceptionWhereInput[] = [visibleExceptions(actor)];
  if (q.status === "OPEN_ALL") and.push({ status: { in: ["OPEN", "CLAIMED"] } });
  else if (q.status !== "ALL") and.push({ status: q.status });
  if (q.rule) and.push({ ruleCode: q.rule });
  if (q.severity) and.push({ severity: q.severity });
  if (q.channel) and.push({ channelId: q.channel });
  if (q.assignee === "me") and.push({ assigneeId: actor.id });
  else if (q.assignee === "none") and.push({ assigneeId: null });
  else if (q.assignee) and.push({ assigneeId: q.assignee });
  if (q.minAgeHours) and.push({ openedAt: { lte: new Date(now.getTime() - q.minAgeHours * 3_600_000) } });
  return { AND: and };
}

const APPROVAL_CODES = Object.keys(APPROVAL_RULES);
const approvalsOnly = (actor: Actor) => !can(actor, "exception.handle");

/** Approvers who do not handle exceptions see only the approvals. */
const approverLimit = (actor: Actor): Prisma.OrderExceptionWhereInput => (approvalsOnly(actor) ? { ruleCode: { in: APPROVAL_CODES } } : {});

/** What a workbench viewer may see of the exceptions: their row scope, and for approvers only the approvals. */
export const visibleExceptions = (actor: Actor): Prisma.OrderExceptionWhereInput => ({ AND: [exceptionScope(actor), approverLimit(actor)] });

/**
 * visibleExceptions as SQL, for raw queries over `order_exceptions x LEFT JOIN orders o`:
 * `WHERE ... AND ${visibleExceptionsSql(actor)}`.
 */
export const visibleExceptionsSql = (actor: Actor): Prisma.Sql => Prisma.sql`${orderScopeSql(actor, "o")}${
  approvalsOnly(actor) ? Prisma.sql` AND x.rule_code = ANY(${APPROVAL_CODES}::text[])` : Prisma.empty}`;

const ROW_SELECT = {
  id: true, ruleCode: true, severity: true, status: true, channelId: true, detail: true, openedAt: true, dueAt: true, closedAt: true,
  resolutionCode: true, closeReason: true, claimedAt: true,
  assignee: { select: { id: true, displayName: true } },
  order: { select: { id: true, orderNo: true, status: true, paidFen: true, receiverRegion: true } },
} satisfies Prisma.OrderExceptionSelect;

export type ExceptionRow = Prisma.OrderExceptionGetPayload<{ select: typeof ROW_SELECT }>;

/** The queue: most urgent first (SLA deadline), then newest. */
export async function listExceptions(db: Db, actor: Actor, input: ExceptionQueryInput) {
  if (!canSeeWorkbench(actor)) throw new AppError("FORBIDDEN", { permission: "exception.handle" });
  const q = parseExceptionQuery(input);
  const where = exceptionWhere(actor, q);
  const [rows, total] = await Promise.all([queuePage(db, where, q), db.orderException.count({ where })]);
  return { rows, total, page: q.page, size: q.size };
}

const byDue = (a: { dueAt: Date; id: string }, b: { dueAt: Date; id: string }) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Most urgent first. For the open queue (OPEN or CLAIMED) each status is read in (status, due_at)
 * index order — keys only — and the two are merged: a top-N of each instead of sorting every open
 * exception; then the page's rows are loaded.
 */
async function queuePage(db: Db, where: Prisma.OrderExceptionWhereInput, q: ExceptionQueryParsed): Promise<ExceptionRow[]> {
  const skip = (q.page - 1) * q.size;
  const orderBy = [{ dueAt: "asc" as const }, { id: "asc" as const }];
  if (q.status !== "OPEN_ALL") return db.orderException.findMany({ where, select: ROW_SELECT, orderBy, skip, take: q.size });
  const parts = await Promise.all((["OPEN", "CLAIMED"] as const).map((status) =>
    db.orderException.findMany({ where: { AND: [where, { status }] }, select: { id: true, dueAt: true }, orderBy, take: skip + q.size })));
  const ids = parts.flat().sort(byDue).slice(skip, skip + q.size).map((r) => r.id);
  return (await db.orderException.findMany({ where: { id: { in: ids } }, select: ROW_SELECT })).sort(byDue);
}

/**
 * One exception with what a person needs beside it: its history, the order's summary (no masked
 * fields: none are selected), the customer's other orders in the viewer's scope, approvals.
 */
export async function getExceptionDetail(db: Db, actor: Actor, id: string) {
  if (!canSeeWorkbench(actor)) throw new AppError("FORBIDDEN", { permission: "exception.handle" });
  const ex = await db.orderException.findFirst({
    where: { AND: [{ id }, visibleExceptions(actor)] },
    select: {
      ...ROW_SELECT, neededPerson: true,
      events: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, body: true, actorName: true, targetId: true, createdAt: true } },
      order: {
        select: {
          id: true, orderNo: true, status: true, paidFen: true, goodsFen: true, receiverRegion: true, receiverProvince: true, receiverCity: true,
          placedAt: true, paidAt: true, channelId: true, customerId: true, channel: { select: { name: true } },
          items: { select: { skuCode: true, title: true, quantity: true }, take: 10 },
          approvals: { select: { kind: true, status: true, decidedAt: true, note: true } },
        },
      },
    },
  });
  if (!ex) throw new AppError("EXCEPTION_NOT_FOUND");
  const customerId = ex.order?.customerId;
  const otherOrders = customerId
    ? await db.order.findMany({
        where: { AND: [{ customerId, id: { not: ex.order!.id } }, orderScope(actor)] },
        select: { id: true, orderNo: true, status: true, paidFen: true, placedAt: true },
        orderBy: { placedAt: "desc" },
        take: 10,
      })
    : [];
  const targetIds = [...new Set(ex.events.flatMap((e) => (e.targetId ? [e.targetId] : [])))];
  const targets = new Map((await db.user.findMany({ where: { id: { in: targetIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  return { ...ex, events: ex.events.map((e) => ({ ...e, targetName: e.targetId ? targets.get(e.targetId) ?? null : null })), otherOrders };
}

/** People an exception may be transferred to: active users whose role handles exceptions. */
export async function listAssignees(db: Db, actor: Actor) {
  assertCan(actor, "exception.handle");
  return db.user.findMany({
    where: { active: true, role: { permissions: { has: "exception.handle" } } },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
}

/** An order's exceptions with their history, for the order detail page. */
export async function listOrderExceptions(db: Db, actor: Actor, orderId: string) {
  if (!canSeeWorkbench(actor)) return [];
  return db.orderException.findMany({
    where: { AND: [{ orderId }, visibleExceptions(actor)] },
    select: { id: true, ruleCode: true, severity: true, status: true, openedAt: true, closedAt: true, resolutionCode: true, closeReason: true,
      events: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, body: true, actorName: true, createdAt: true } } },
    orderBy: { openedAt: "desc" },
  });
}
