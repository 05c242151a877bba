import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";

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
