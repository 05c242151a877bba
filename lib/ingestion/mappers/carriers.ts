/**
 * Carrier names/codes as platforms send them → Kuaidi100 `com` codes (logistics-alerts.md §1.6).
 * Platforms that send their own numeric carrier ids (PDD logistics_id, JD logisticsId) keep them
 * as `<platform>:<id>`: translating those needs the platform's company list, which is not here.
 */
import { str } from "./shared";

// Order matters: 快运 before the parcel brand of the same company.
const BY_NAME: ReadonlyArray<[RegExp, string]> = [
  [/顺丰快运/, "shunfengkuaiyun"],
  [/中通快运/, "zhongtongkuaiyun"],
  [/顺丰/, "shunfeng"],
  [/圆通/, "yuantong"],
  [/中通/, "zhongtong"],
  [/韵达/, "yunda"],
  [/申通/, "shentong"],
  [/京东/, "jd"],
  [/^EMS|EMS$/i, "ems"],
  [/邮政/, "youzhengguonei"],
  [/极兔/, "jtexpress"],
  [/德邦/, "debangwuliu"],
  [/百世|汇通/, "huitongkuaidi"],
  [/宅急送/, "zhaijisong"],
  [/天天/, "tiantian"],
  [/安能/, "annengwuliu"],
  [/跨越/, "kuayue"],
  [/优速/, "youshuwuliu"],
  [/丹鸟/, "danniao"],
  [/丰网/, "fengwang"],
];

/** "中通快递" → "zhongtong"; "shunfeng" stays; an unknown name is kept as sent (trimmed). */
export function carrierCodeOf(nameOrCode: string | null | undefined): string | null {
  const v = str(nameOrCode);
  if (v === null) return null;
  if (/^[a-z0-9]+$/.test(v)) return v; // already a Kuaidi100-style code (Douyin `company`)
  for (const [re, code] of BY_NAME) if (re.test(v)) return code;
  return v;
}

/** A platform-scoped carrier id ("pdd:85"); null for 0 / empty, which mean "no carrier". */
export function platformCarrier(platform: string, id: string | number | null | undefined): string | null {
  const v = str(id === null || id === undefined ? null : String(id));
  return v === null || v === "0" ? null : `${platform}:${v}`;
}
