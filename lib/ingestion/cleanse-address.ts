/**
 * Address cleansing (SPEC §1): province names normalised to their full form (上海 → 上海市,
 * 广西 → 广西壮族自治区), a one-line address split into province / city / district / detail when
 * the platform sent it unsplit, and a flag when province + city + district are not all known.
 * Prefecture-level cities without districts (东莞, 中山, 儋州, 嘉峪关) are complete without one.
 */
import { isCityWithoutDistricts, normalizeProvince, PROVINCES, regionOf, type SalesRegion } from "../geo/regions";

export interface AddressInput {
  province: string | null;
  city: string | null;
  district: string | null;
  detail: string | null;
}

export interface CleanAddress {
  province: string | null;
  city: string | null;
  district: string | null;
  detail: string;
  region: SalesRegion | null;
  /** True when province, city or (for cities that have districts) district is missing or unknown. */
  incomplete: boolean;
  /** The province the platform sent was not a known province (invalid, not just empty). */
  provinceInvalid: boolean;
}

// Longest names first so "内蒙古自治区" wins over "内蒙古".
const PROVINCE_PREFIXES = PROVINCES.flatMap((p) => [p.name, p.short]).sort((a, b) => b.length - a.length);
const CITY = /^(.{1,10}?(?:自治州|地区|盟|市))/;
const DISTRICT = /^(.{1,10}?(?:新区|区|县|旗|市))/;

const clean = (v: string | null) => (v === null ? null : v.replace(/\s+/g, "") || null);

/** Splits "浙江省杭州市西湖区文三路100号" (or with spaces) into its parts; unknown parts stay null. */
export function splitAddress(full: string): AddressInput {
  let rest = full.replace(/\s+/g, "");
  const prov = PROVINCE_PREFIXES.find((name) => rest.startsWith(name));
  if (!prov) return { province: null, city: null, district: null, detail: full.trim() };
  const province = normalizeProvince(prov);
  rest = rest.slice(prov.length);
  const municipality = PROVINCES.find((p) => p.name === province)?.municipality ?? false;
  let city: string | null = null;
  if (municipality) {
    city = province;
    if (rest.startsWith(province!)) rest = rest.slice(province!.length);
    else if (rest.startsWith(prov) && prov !== province) rest = rest.slice(prov.length);
  } else {
    const m = CITY.exec(rest);
    if (m) {
      city = m[1];
      rest = rest.slice(m[1].length);
    }
  }
  let district: string | null = null;
  if (city && !isCityWithoutDistricts(city)) {
    const m = DISTRICT.exec(rest);
    if (m) {
      district = m[1];
      rest = rest.slice(m[1].length);
    }
  }
  return { province, city, district, detail: rest };
}

export function cleanseAddress(input: AddressInput): CleanAddress {
  let a: AddressInput = { province: clean(input.province), city: clean(input.city), district: clean(input.district), detail: input.detail?.trim() ?? null };
  // Some exports put the whole address in the detail field and leave the parts empty.
  if (!a.province && !a.city && a.detail) {
    const split = splitAddress(a.detail);
    if (split.province) a = split;
  }
  const province = normalizeProvince(a.province);
  const municipality = PROVINCES.find((p) => p.name === province)?.municipality ?? false;
  // 直辖市 arrive as city "上海市", "市辖区" or empty; the city level repeats the province.
  const city = municipality && (!a.city || a.city === "市辖区" || normalizeProvince(a.city) === province) ? province : a.city;
  const needsDistrict = !isCityWithoutDistricts(city);
  const district = needsDistrict ? a.district : null;
  return {
    province,
    city,
    district,
    detail: a.detail ?? "",
    region: regionOf(province),
    incomplete: !province || !city || (needsDistrict && !district) || !a.detail,
    provinceInvalid: a.province !== null && province === null,
  };
}
