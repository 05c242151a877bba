/** One carrier, several codes (logistics-alerts.md §5.11): QiMen/Cainiao code ↔ 快递100 `com`. */
const QIMEN_TO_K100: Record<string, string> = {
  SF: "shunfeng", YTO: "yuantong", ZTO: "zhongtong", YUNDA: "yunda", STO: "shentong", JD: "jd", EMS: "ems",
  POSTB: "youzhengguonei", HTKY: "huitongkuaidi", ZJS: "zhaijisong", UC: "youshuwuliu", TTKDEX: "tiantian", DBKD: "debangwuliu",
};

/** The 快递100 code for a carrier code in either system (lower-case codes are already 快递100's). */
export function toKuaidi100Com(code: string): string {
  return QIMEN_TO_K100[code.toUpperCase()] ?? code.toLowerCase();
}
