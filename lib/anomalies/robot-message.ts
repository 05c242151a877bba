import { createHmac } from "node:crypto";
import zh from "../../messages/zh-CN.json";
import { formatFen } from "../money/fen";
import { formatBizTime } from "../time/biz-time";

export const WEBHOOK_KINDS = ["DINGTALK", "WECOM"] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export interface AlertFacts {
  ruleCode: string;
  severity: string;
  orderNo: string | null;
  paidFen: number | null;
  openedAt: Date;
  dueAt: Date;
  detail: unknown;
  /** Link to the exception on the workbench, when the public URL is known. */
  link: string | null;
}

const ruleName = (code: string) => (zh.anomalies.rules as Record<string, { name: string }>)[code]?.name ?? code;

/** The alert as markdown; both robots render it (WeCom's subset: headings, bold, links). */
export function alertMarkdown(f: AlertFacts): { title: string; text: string } {
  const title = `【严重异常】${ruleName(f.ruleCode)}`;
  const lines = [
    `### ${title}`,
    f.orderNo ? `> 订单：**${f.orderNo}**${f.paidFen != null ? `　实付 ${formatFen(f.paidFen)}` : ""}` : `> 详情：${JSON.stringify(f.detail)}`,
    `> 发现时间：${formatBizTime(f.openedAt)}`,
    `> 处理时限：${formatBizTime(f.dueAt)}`,
  ];
  if (f.link) lines.push(`> [打开异常工作台](${f.link})`);
  return { title, text: lines.join("\n") };
}

/**
 * The request body in each robot's own format: DingTalk custom robot `msgtype: markdown` with
 * title + text; WeCom group robot `msgtype: markdown` with content.
 */
export function robotBody(kind: WebhookKind, f: AlertFacts): Record<string, unknown> {
  const { title, text } = alertMarkdown(f);
  return kind === "DINGTALK"
    ? { msgtype: "markdown", markdown: { title, text } }
    : { msgtype: "markdown", markdown: { content: text } };
}

/** DingTalk 加签: timestamp and sign = base64(HmacSHA256(secret, `${timestamp}\n${secret}`)) as query params. */
export function signedUrl(kind: WebhookKind, url: string, secret: string | null, now = Date.now()): string {
  if (kind !== "DINGTALK" || !secret) return url;
  const sign = createHmac("sha256", secret).update(`${now}\n${secret}`).digest("base64");
  const u = new URL(url);
  u.searchParams.set("timestamp", String(now));
  u.searchParams.set("sign", sign);
  return u.toString();
}

/** Both robots answer HTTP 200 with { errcode: 0, errmsg: "ok" }; anything else is a failure to retry. */
export function robotAccepted(status: number, body: unknown): boolean {
  return status >= 200 && status < 300 && typeof body === "object" && body !== null && (body as { errcode?: unknown }).errcode === 0;
}
