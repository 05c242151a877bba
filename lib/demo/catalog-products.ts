/**
 * The demo shop's SKUs: a general merchant selling clothing, food, electronics and home goods.
 * Prices are list prices in fen; cheap items sell more often (weight ∝ price^−0.8), which leaves
 * the few ¥5,000+ items rare, as they are in a real shop.
 */

export type Category = "clothing" | "food" | "electronics" | "home";

export interface Sku {
  code: string;
  title: string;
  /** Taobao-style "颜色:白色;尺码:L"; empty for single-variant items. */
  variant: string;
  category: Category;
  priceFen: number;
  weight: number;
}

interface Product {
  code: string;
  title: string;
  category: Category;
  priceFen: number;
  /** Variant axes: [axis name, [[value label, code part, price override?], …]]. */
  axes: Array<[string, Array<[string, string, number?]>]>;
}

const colors = (...pairs: string[]): [string, Array<[string, string]>] => [
  "颜色",
  pairs.map((p) => p.split("/") as [string, string]),
];
const sizes = (axis: string, ...values: string[]): [string, Array<[string, string]>] => [axis, values.map((v) => [v, v])];

const PRODUCTS: Product[] = [
  { code: "TS", title: "纯棉圆领短袖T恤", category: "clothing", priceFen: 7900, axes: [colors("白色/WHT", "黑色/BLK", "灰色/GRY"), sizes("尺码", "M", "L", "XL")] },
  { code: "HD", title: "加绒连帽卫衣", category: "clothing", priceFen: 19900, axes: [colors("黑色/BLK", "藏青/NVY", "燕麦/OAT"), sizes("尺码", "M", "L", "XL")] },
  { code: "DJ", title: "轻薄白鸭绒羽绒服", category: "clothing", priceFen: 49900, axes: [colors("黑色/BLK", "米白/IVY"), sizes("尺码", "M", "L", "XL")] },
  { code: "JN", title: "直筒弹力牛仔裤", category: "clothing", priceFen: 16900, axes: [colors("浅蓝/LBL", "深蓝/DBL"), sizes("尺码", "28", "30", "32")] },
  { code: "SOCK", title: "精梳棉中筒袜5双装", category: "clothing", priceFen: 3990, axes: [colors("混色/MIX")] },
  { code: "SHOE", title: "轻便透气跑步鞋", category: "clothing", priceFen: 35900, axes: [colors("黑白/BKW", "灰色/GRY"), sizes("尺码", "40", "41", "42", "43")] },
  { code: "SW", title: "羊毛混纺针织开衫", category: "clothing", priceFen: 29900, axes: [colors("驼色/CML", "黑色/BLK"), sizes("尺码", "S", "M", "L")] },
  { code: "PJ", title: "珊瑚绒家居服套装", category: "clothing", priceFen: 12900, axes: [colors("粉色/PNK", "灰色/GRY"), sizes("尺码", "M", "L")] },
  { code: "NUT", title: "每日坚果礼盒750g(30包)", category: "food", priceFen: 12900, axes: [] },
  { code: "TEA", title: "明前西湖龙井特级250g", category: "food", priceFen: 58800, axes: [] },
  { code: "SNACK", title: "网红零食大礼包", category: "food", priceFen: 5990, axes: [] },
  { code: "MILK", title: "纯牛奶250ml×24盒", category: "food", priceFen: 6990, axes: [] },
  { code: "RICE", title: "五常稻花香大米5kg", category: "food", priceFen: 7990, axes: [] },
  { code: "COFFEE", title: "意式拼配咖啡豆500g", category: "food", priceFen: 9800, axes: [["烘焙度", [["中度烘焙", "M"], ["深度烘焙", "D"]]]] },
  { code: "HONEY", title: "农家土蜂蜜500g", category: "food", priceFen: 6800, axes: [] },
  { code: "DATE", title: "新疆和田大枣1kg", category: "food", priceFen: 4590, axes: [] },
  { code: "LSF", title: "柳州螺蛳粉5袋装", category: "food", priceFen: 4990, axes: [] },
  { code: "EAR", title: "真无线降噪蓝牙耳机", category: "electronics", priceFen: 29900, axes: [colors("白色/WHT", "黑色/BLK")] },
  { code: "PB", title: "20000mAh快充充电宝", category: "electronics", priceFen: 12900, axes: [] },
  { code: "CBL", title: "Type-C快充数据线1.5m", category: "electronics", priceFen: 2990, axes: [] },
  { code: "WATCH", title: "智能运动手表", category: "electronics", priceFen: 129900, axes: [colors("黑色/BLK", "银色/SLV")] },
  { code: "PHONE", title: "5G智能手机", category: "electronics", priceFen: 399900, axes: [["版本", [["12GB+256GB", "256"], ["16GB+512GB", "512", 699900]]], colors("曜石黑/BLK", "冰川蓝/BLU")] },
  { code: "PAD", title: "11英寸平板电脑", category: "electronics", priceFen: 299900, axes: [["版本", [["8GB+128GB", "128"], ["12GB+256GB", "256", 359900]]]] },
  { code: "LAPTOP", title: "14英寸轻薄笔记本电脑", category: "electronics", priceFen: 599900, axes: [["配置", [["i5/16G/512G", "I5"], ["i7/32G/1T", "I7", 799900]]]] },
  { code: "KB", title: "RGB机械键盘", category: "electronics", priceFen: 39900, axes: [["轴体", [["红轴", "RED"], ["茶轴", "BRN"]]]] },
  { code: "MOUSE", title: "无线静音鼠标", category: "electronics", priceFen: 9900, axes: [] },
  { code: "CAM", title: "4K防抖运动相机", category: "electronics", priceFen: 219900, axes: [] },
  { code: "BED", title: "全棉四件套1.8m床", category: "home", priceFen: 39900, axes: [colors("灰白/GRY", "浅蓝/LBL")] },
  { code: "CUP", title: "316不锈钢保温杯500ml", category: "home", priceFen: 12900, axes: [colors("白色/WHT", "蓝色/BLU", "粉色/PNK")] },
  { code: "BOX", title: "可折叠收纳箱3个装", category: "home", priceFen: 5990, axes: [] },
  { code: "FRYER", title: "5L大容量空气炸锅", category: "home", priceFen: 39900, axes: [] },
  { code: "ROBOT", title: "扫拖一体扫地机器人", category: "home", priceFen: 269900, axes: [] },
  { code: "PILLOW", title: "泰国天然乳胶枕", category: "home", priceFen: 19900, axes: [] },
  { code: "TOWEL", title: "A类纯棉毛巾4条装", category: "home", priceFen: 4990, axes: [] },
  { code: "LAMP", title: "国AA级护眼台灯", category: "home", priceFen: 23900, axes: [] },
  { code: "PURIFIER", title: "除甲醛空气净化器", category: "home", priceFen: 189900, axes: [] },
];

function expand(product: Product): Sku[] {
  let combos: Array<{ labels: string[]; codes: string[]; price: number }> = [{ labels: [], codes: [], price: product.priceFen }];
  for (const [axis, values] of product.axes) {
    combos = combos.flatMap((combo) =>
      values.map(([label, code, price]) => ({
        labels: [...combo.labels, `${axis}:${label}`],
        codes: [...combo.codes, code],
        price: price ?? combo.price,
      })),
    );
  }
  return combos.map((combo) => ({
    code: [product.code, ...combo.codes].join("-"),
    title: product.title,
    variant: combo.labels.join(";"),
    category: product.category,
    priceFen: combo.price,
    weight: (combo.price / 100) ** -0.8 / Math.max(1, combos.length / 3),
  }));
}

export const SKUS: readonly Sku[] = PRODUCTS.flatMap(expand);

export const SKUS_BY_CATEGORY: Readonly<Record<Category, readonly Sku[]>> = {
  clothing: SKUS.filter((s) => s.category === "clothing"),
  food: SKUS.filter((s) => s.category === "food"),
  electronics: SKUS.filter((s) => s.category === "electronics"),
  home: SKUS.filter((s) => s.category === "home"),
};

/** Items that make a single-line order exceed ¥5,000 on their own. */
export const HIGH_VALUE_SKUS: readonly Sku[] = SKUS.filter((s) => s.priceFen >= 550000);

/** What test orders buy: a 1-fen to 1-yuan placeholder item. */
export const TEST_SKU: Sku = { code: "TEST-0001", title: "测试商品-请勿发货", variant: "", category: "home", priceFen: 1, weight: 0 };

/** Category mix per platform (JD leans to electronics, PDD to food and home, …). */
export const CATEGORY_MIX: Readonly<Record<string, ReadonlyArray<readonly [Category, number]>>> = {
  TMALL: [["clothing", 35], ["food", 20], ["electronics", 20], ["home", 25]],
  JD: [["clothing", 15], ["food", 15], ["electronics", 45], ["home", 25]],
  PDD: [["clothing", 20], ["food", 40], ["electronics", 10], ["home", 30]],
  DOUYIN: [["clothing", 35], ["food", 35], ["electronics", 10], ["home", 20]],
  OWN_MALL: [["clothing", 30], ["food", 25], ["electronics", 20], ["home", 25]],
  POS: [["clothing", 50], ["food", 20], ["electronics", 10], ["home", 20]],
};
