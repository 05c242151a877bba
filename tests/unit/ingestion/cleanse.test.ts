import { describe, expect, it } from "vitest";
import { cleanseAddress, splitAddress } from "@/lib/ingestion/cleanse-address";
import { checkPhone, cleanseOrder } from "@/lib/ingestion/cleanse-order";
import { mapOwnMallOrder } from "@/lib/ingestion/mappers";
import { fixture, ok } from "./helpers";

describe("cleanseAddress", () => {
  it.each([
    [{ province: "上海", city: "上海市", district: "浦东新区", detail: "世纪大道 1 号" }, { province: "上海市", city: "上海市", district: "浦东新区", region: "华东", incomplete: false }],
    [{ province: "广西", city: "南宁市", district: "青秀区", detail: "民族大道 1 号" }, { province: "广西壮族自治区", region: "华南", incomplete: false }],
    [{ province: "广东省", city: "东莞市", district: null, detail: "南城街道 8 号" }, { city: "东莞市", district: null, incomplete: false }],
    [{ province: "广东", city: "中山", district: null, detail: "石岐街道 1 号" }, { incomplete: false }],
    [{ province: "海南省", city: "儋州市", district: null, detail: "那大镇 3 号" }, { incomplete: false }],
    [{ province: "甘肃省", city: "嘉峪关市", district: null, detail: "雄关区 2 号" }, { region: "西北", incomplete: false }],
    [{ province: "浙江省", city: "杭州市", district: null, detail: "文三路 100 号" }, { incomplete: true }],
    [{ province: "北京", city: "市辖区", district: "朝阳区", detail: "建国路 1 号" }, { province: "北京市", city: "北京市", incomplete: false }],
    [{ province: "火星省", city: "X市", district: "Y区", detail: "Z" }, { province: null, incomplete: true, provinceInvalid: true }],
  ])("%o", (input, expected) => {
    expect(cleanseAddress(input)).toMatchObject(expected);
  });

  it("splits a one-line address when the parts are missing", () => {
    expect(cleanseAddress({ province: null, city: null, district: null, detail: "浙江省杭州市西湖区文三路100号" })).toMatchObject({
      province: "浙江省", city: "杭州市", district: "西湖区", detail: "文三路100号", incomplete: false,
    });
    expect(splitAddress("广东东莞市南城街道8号")).toEqual({ province: "广东省", city: "东莞市", district: null, detail: "南城街道8号" });
    expect(splitAddress("上海市浦东新区世纪大道1号")).toMatchObject({ province: "上海市", city: "上海市", district: "浦东新区" });
    expect(splitAddress("内蒙古自治区呼和浩特市新城区1号")).toMatchObject({ province: "内蒙古自治区", city: "呼和浩特市", district: "新城区" });
  });
});

describe("checkPhone", () => {
  it.each([
    ["13812345678", null, "valid"], ["+86 138 1234 5678", null, "valid"], ["0571-88886666", null, "valid"],
    ["1381234567", null, "invalid"], ["12345678901", null, "invalid"], [null, "138****5678", "masked"], [null, null, "missing"],
  ] as const)("%s / %s → %s", (plain, masked, expected) => {
    expect(checkPhone(plain, masked)).toBe(expected);
  });
});

describe("cleanseOrder", () => {
  const base = () => fixture("own-mall-paid");

  it("tags from the configurable keyword list and raises priority", () => {
    const o = ok(mapOwnMallOrder({ ...base(), buyerNote: "加急，要发票", sellerNote: "送赠品" }));
    const c = cleanseOrder(o, [
      { keyword: "发票", tag: "发票", priorityBoost: 0 },
      { keyword: "赠品", tag: "赠品", priorityBoost: 0 },
      { keyword: "加急", tag: "加急", priorityBoost: 2 },
    ]);
    expect(c.tags.sort()).toEqual(["加急", "发票", "赠品"].sort());
    expect(c.priority).toBe(2);
    expect(cleanseOrder(o, [{ keyword: "加急", tag: "急单", priorityBoost: 5 }])).toMatchObject({ tags: ["急单"], priority: 5 });
  });

  it("flags test orders, bad phones and incomplete addresses, and lists null / invalid fields", () => {
    const f = base();
    const o = ok(mapOwnMallOrder({ ...f, buyerNote: "测试单，请勿发货", receiver: { ...f.receiver, phone: "1381234", district: undefined } }));
    const c = cleanseOrder(o);
    expect(c.isTest).toBe(true);
    expect(c.phone).toBe("invalid");
    expect(c.tags).toEqual(expect.arrayContaining(["电话异常", "地址待补全"]));
    expect(c.nullFields).toContain("receiver.district");
    expect(c.invalidFields).toContain("receiver.phone");
    expect(cleanseOrder(ok(mapOwnMallOrder(base()))).isTest).toBe(false);
  });
});
