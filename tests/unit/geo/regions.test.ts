import { describe, expect, it } from "vitest";
import { DEMO_PROVINCES } from "@/lib/demo/catalog-places";
import { CITIES_WITHOUT_DISTRICTS, isCityWithoutDistricts, normalizeProvince, PROVINCES, regionOf, SALES_REGIONS } from "@/lib/geo/regions";

describe("PROVINCES", () => {
  it("lists the 31 mainland province-level divisions once each", () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(31);
    expect(new Set(PROVINCES.map((p) => p.short)).size).toBe(31);
  });

  it("puts every province in one of the seven sales regions, each region used", () => {
    for (const p of PROVINCES) expect(SALES_REGIONS).toContain(p.region);
    expect(new Set(PROVINCES.map((p) => p.region))).toEqual(new Set(SALES_REGIONS));
  });

  it("marks exactly the four municipalities", () => {
    expect(PROVINCES.filter((p) => p.municipality).map((p) => p.short).sort()).toEqual(["上海", "北京", "天津", "重庆"].sort());
  });
});

describe("normalizeProvince", () => {
  it.each([
    ["上海", "上海市"],
    ["上海市", "上海市"],
    ["广西", "广西壮族自治区"],
    ["广西壮族自治区", "广西壮族自治区"],
    ["内蒙古", "内蒙古自治区"],
    ["新疆", "新疆维吾尔自治区"],
    ["宁夏", "宁夏回族自治区"],
    ["西藏", "西藏自治区"],
    ["浙江", "浙江省"],
    ["黑龙江省", "黑龙江省"],
    [" 北京 ", "北京市"],
    ["广西省", "广西壮族自治区"],
    ["浙江市", "浙江省"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeProvince(input)).toBe(expected);
  });

  it.each(["", "   ", "香港", "火星省", "省", "市"])("returns null for %j", (input) => {
    expect(normalizeProvince(input)).toBeNull();
  });

  it("accepts null and undefined", () => {
    expect(normalizeProvince(null)).toBeNull();
    expect(normalizeProvince(undefined)).toBeNull();
  });
});

describe("regionOf", () => {
  it.each([
    ["上海市", "华东"],
    ["浙江", "华东"],
    ["山东省", "华东"],
    ["广东省", "华南"],
    ["广西", "华南"],
    ["海南省", "华南"],
    ["北京", "华北"],
    ["内蒙古自治区", "华北"],
    ["河南省", "华中"],
    ["湖南", "华中"],
    ["重庆", "西南"],
    ["西藏自治区", "西南"],
    ["陕西省", "西北"],
    ["新疆", "西北"],
    ["辽宁省", "东北"],
    ["黑龙江", "东北"],
  ])("%s is in %s", (province, region) => {
    expect(regionOf(province)).toBe(region);
  });

  it("returns null for an unknown province", () => {
    expect(regionOf("台北")).toBeNull();
    expect(regionOf(null)).toBeNull();
  });
});

describe("cities without districts", () => {
  it("are 东莞, 中山, 儋州 and 嘉峪关", () => {
    expect([...CITIES_WITHOUT_DISTRICTS].sort()).toEqual(["东莞市", "中山市", "儋州市", "嘉峪关市"].sort());
  });

  it("are recognised with or without 市", () => {
    expect(isCityWithoutDistricts("东莞市")).toBe(true);
    expect(isCityWithoutDistricts("东莞")).toBe(true);
    expect(isCityWithoutDistricts(" 嘉峪关市 ")).toBe(true);
    expect(isCityWithoutDistricts("广州市")).toBe(false);
    expect(isCityWithoutDistricts("")).toBe(false);
    expect(isCityWithoutDistricts(null)).toBe(false);
  });
});

describe("demo address catalogue", () => {
  it("uses official province names for all 31 provinces", () => {
    expect(new Set(DEMO_PROVINCES.map((p) => p.name))).toEqual(new Set(PROVINCES.map((p) => p.name)));
  });

  it("gives districts to every city except the ones that have none", () => {
    for (const p of DEMO_PROVINCES) {
      for (const c of p.cities) expect(c.districts.length === 0, `${p.name}${c.name}`).toBe(isCityWithoutDistricts(c.name));
    }
  });

  it("uses the province name as city for municipalities", () => {
    for (const p of PROVINCES.filter((x) => x.municipality)) {
      const demo = DEMO_PROVINCES.find((d) => d.name === p.name)!;
      expect(demo.cities.map((c) => c.name)).toEqual([p.name]);
    }
  });
});
