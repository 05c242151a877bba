/**
 * Mainland China's 31 province-level divisions and the sales region each belongs to.
 * Platforms send province names inconsistently ("上海", "上海市", "广西", "广西壮族自治区"), so every
 * consumer normalises through here before grouping or scoping by region.
 */

export const SALES_REGIONS = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"] as const;
export type SalesRegion = (typeof SALES_REGIONS)[number];

export interface Province {
  /** Official full name, the canonical form stored on orders: "广西壮族自治区". */
  name: string;
  /** Common short name platforms send: "广西". */
  short: string;
  region: SalesRegion;
  /** 直辖市: the city level repeats the province name ("上海市" / "上海市"). */
  municipality: boolean;
}

const p = (name: string, short: string, region: SalesRegion, municipality = false): Province => ({ name, short, region, municipality });

export const PROVINCES: readonly Province[] = [
  p("北京市", "北京", "华北", true),
  p("天津市", "天津", "华北", true),
  p("河北省", "河北", "华北"),
  p("山西省", "山西", "华北"),
  p("内蒙古自治区", "内蒙古", "华北"),
  p("辽宁省", "辽宁", "东北"),
  p("吉林省", "吉林", "东北"),
  p("黑龙江省", "黑龙江", "东北"),
  p("上海市", "上海", "华东", true),
  p("江苏省", "江苏", "华东"),
  p("浙江省", "浙江", "华东"),
  p("安徽省", "安徽", "华东"),
  p("福建省", "福建", "华东"),
  p("江西省", "江西", "华东"),
  p("山东省", "山东", "华东"),
  p("河南省", "河南", "华中"),
  p("湖北省", "湖北", "华中"),
  p("湖南省", "湖南", "华中"),
  p("广东省", "广东", "华南"),
  p("广西壮族自治区", "广西", "华南"),
  p("海南省", "海南", "华南"),
  p("重庆市", "重庆", "西南", true),
  p("四川省", "四川", "西南"),
  p("贵州省", "贵州", "西南"),
  p("云南省", "云南", "西南"),
  p("西藏自治区", "西藏", "西南"),
  p("陕西省", "陕西", "西北"),
  p("甘肃省", "甘肃", "西北"),
  p("青海省", "青海", "西北"),
  p("宁夏回族自治区", "宁夏", "西北"),
  p("新疆维吾尔自治区", "新疆", "西北"),
];

/**
 * Prefecture-level cities that have no district level (不设市辖区): an address there is complete
 * with province + city, so it must not be flagged as missing its district.
 */
export const CITIES_WITHOUT_DISTRICTS: readonly string[] = ["东莞市", "中山市", "儋州市", "嘉峪关市"];

const byKey = new Map<string, Province>();
for (const prov of PROVINCES) {
  byKey.set(prov.name, prov);
  byKey.set(prov.short, prov);
}

// Suffixes people and platforms append or drop; stripped one at a time to reach the short name.
const SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"];

function lookup(text: string | null | undefined): Province | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, "");
  if (!t) return undefined;
  const exact = byKey.get(t);
  if (exact) return exact;
  // "广西省", "内蒙古省", "新疆自治区": wrong suffix on a known short name.
  for (const s of SUFFIXES) {
    if (t.endsWith(s) && t.length > s.length) {
      const hit = byKey.get(t.slice(0, -s.length));
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Short or full (or wrongly suffixed) province name → official full name; null when unknown. */
export function normalizeProvince(text: string | null | undefined): string | null {
  return lookup(text)?.name ?? null;
}

/** Sales region of a province given by short or full name; null when unknown. */
export function regionOf(province: string | null | undefined): SalesRegion | null {
  return lookup(province)?.region ?? null;
}

/** True for 东莞市/中山市/儋州市/嘉峪关市 (also accepted without the 市 suffix). */
export function isCityWithoutDistricts(city: string | null | undefined): boolean {
  if (!city) return false;
  const c = city.trim();
  return CITIES_WITHOUT_DISTRICTS.some((name) => name === c || name === `${c}市`);
}
