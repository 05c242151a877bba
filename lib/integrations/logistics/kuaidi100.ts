import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { hubBaseUrl } from "../hub-url";

/** 快递100 push sign: UPPER(MD5(param + salt)) over the form-decoded param string as received. */
export function verifyKuaidi100(param: string, sign: string | null | undefined, salt: string): boolean {
  if (!sign || sign.length !== 32) return false;
  const expected = createHash("md5").update(param + salt, "utf8").digest("hex").toUpperCase();
  return timingSafeEqual(Buffer.from(expected), Buffer.from(sign.toUpperCase()));
}

const str = z.union([z.string(), z.number()]).transform(String);
export const Kuaidi100Result = z.object({
  state: str,
  com: z.string().min(1).max(32),
  nu: z.string().min(1).max(40),
  ischeck: str.optional(),
  data: z.array(z.object({
    time: z.string().optional(),
    ftime: z.string(),
    context: z.string().max(1000),
    status: z.string().optional(),
    statusCode: str.optional(),
    areaName: z.string().optional(),
  })).max(500),
});
export type Kuaidi100Result = z.infer<typeof Kuaidi100Result>;

export const Kuaidi100Push = z.object({
  status: z.string(),
  message: z.string().optional(),
  comNew: z.string().optional(),
  lastResult: Kuaidi100Result,
});

/** 3 签收 is terminal (SPEC: a newer event may still move it to 4/6/14). */
export const K100_DELIVERED = "3";

export const KUAIDI100_OK = { result: true, returnCode: "200", message: "成功" };

/**
 * The 快递100 实时查询 (query) API the polling fallback calls: POST form `customer`, `param` = JSON
 * {com, num}, `sign` = UPPER(MD5(param + key + customer)); the answer is a lastResult-shaped JSON.
 * KUAIDI100_QUERY_URL defaults to the demo's query simulator (app/api/logistics/fake-kuaidi100), so the
 * 6-hourly poll does real work locally; production sets it to https://poll.kuaidi100.com/poll/query.do
 * with KUAIDI100_KEY and KUAIDI100_CUSTOMER.
 */
export interface Kuaidi100QueryConfig {
  url: string;
  key: string;
  customer: string;
  timeoutMs: number;
}

// Development defaults for the simulator; a real account's key and customer id come from the env.
const DEMO_QUERY_KEY = "demo-kuaidi100-key";
const DEMO_CUSTOMER = "DEMO-CUSTOMER";

export function kuaidi100QueryConfig(webBaseUrl = hubBaseUrl()): Kuaidi100QueryConfig {
  return {
    url: process.env.KUAIDI100_QUERY_URL ?? `${webBaseUrl}/api/logistics/fake-kuaidi100`,
    key: process.env.KUAIDI100_KEY ?? DEMO_QUERY_KEY,
    customer: process.env.KUAIDI100_CUSTOMER ?? DEMO_CUSTOMER,
    timeoutMs: Number(process.env.KUAIDI100_QUERY_TIMEOUT_MS ?? 10_000),
  };
}

export const signKuaidi100Query = (param: string, key: string, customer: string) =>
  createHash("md5").update(param + key + customer, "utf8").digest("hex").toUpperCase();
