/** Names, phone prefixes and note texts for demo buyers and staff. */

// Common surnames, roughly most frequent first; the first few get extra weight when picked.
export const SURNAMES = (
  "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 " +
  "于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 " +
  "薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马"
).split(" ");

export const GIVEN_MALE = (
  "伟 强 磊 军 洋 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 " +
  "建国 志强 建华 文博 子轩 浩然 宇轩 俊杰 晨阳 家豪 明轩 天佑 思远 博文 一鸣 振华 海涛 国庆 晓东 伟东"
).split(" ");

export const GIVEN_FEMALE = (
  "芳 娜 敏 静 丽 艳 娟 霞 燕 玲 婷 雪 琳 洁 倩 颖 慧 莉 萍 红 " +
  "秀英 桂英 晓雯 欣怡 梓涵 诗涵 雨桐 佳怡 思琪 婉婷 美玲 丽娟 雅琴 子涵 一诺 紫萱 梦瑶 晓燕 雨欣 静怡"
).split(" ");

// Mobile number blocks in use (China Mobile, Unicom, Telecom, Broadnet): always 1[3-9]x.
export const PHONE_PREFIXES = (
  "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 " +
  "166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199"
).split(" ");

export const NICK_WORDS = [
  "小鱼儿", "阳光", "追风少年", "橙子", "奶茶控", "快乐星球", "晴天", "大白", "小确幸", "南风",
  "樱桃", "月亮", "喵小姐", "吃货", "旅行者", "咖啡", "向日葵", "蓝天", "柠檬", "森林",
];

/** Staff who act in the console; their names appear as actors in the status log. */
export const STAFF = {
  cs: ["林晓雯", "王磊", "陈佳怡"],
  ops: ["周建国", "刘婷"],
  regionalManager: ["赵敏", "孙浩"],
  store: ["店长-吴芳", "收银-郑凯"],
} as const;

export const COMPANY_TITLES = ["上海云帆科技有限公司", "杭州青禾贸易有限公司", "深圳启明电子有限公司", "北京朗润文化传媒有限公司", "成都蜀信商贸有限公司"];

/** Ordinary buyer notes with no tagged keyword. */
export const PLAIN_BUYER_NOTES = [
  "周末送", "工作日送达", "放快递柜", "不要放门口，打电话", "送人的，不要放价格单", "请用纸箱包装",
  "尽量早点发", "颜色别发错", "到了请放驿站", "麻烦包装结实一点",
];

/** Keyword notes; the hub tags orders by 发票/赠品/加急 (SPEC §1). */
export const INVOICE_NOTES = ["需要开发票，抬头：{company}", "请开电子发票，发到邮箱", "公司报销，需要增值税发票"];
export const GIFT_NOTES = ["麻烦多送点赠品", "有赠品吗？送人的", "记得放赠品小样"];
export const URGENT_NOTES = ["加急！周五前要用", "请加急发货，谢谢", "急用，能加急吗"];

export const PLAIN_SELLER_NOTES = ["老客户，优先发货", "电话确认过地址", "已核对尺码", "客户要求用纸箱"];
export const SELLER_INVOICE_NOTES = ["开具电子发票", "发票已开，随货寄出"];
export const SELLER_GIFT_NOTES = ["已承诺赠品：试用装2件", "赠品：保温杯套1个"];
export const SELLER_URGENT_NOTES = ["客户要求加急，已安排顺丰", "加急单，当天出库"];

export const TEST_NOTES = ["测试单，请勿发货", "测试单", "系统联调测试单"];

export const TAG_KEYWORDS = ["发票", "赠品", "加急"] as const;

export const REFUND_REASONS = {
  preShip: ["不想要了", "拍错了/多拍了", "地址填错了", "未按约定时间发货"],
  returnFull: ["七天无理由退货", "商品质量问题", "尺码不合适", "与描述不符"],
  partial: ["少件/漏发", "商品破损", "价保退差价", "部分商品不想要了"],
} as const;
