/**
 * Roles, permissions and their defaults: the least-privilege matrix of SPEC §7 (also in the README).
 * The database keeps each role's permissions, row scope and unmasked fields (admins can change them);
 * these defaults seed it.
 */
export const PERMISSIONS = [
  "order.view",
  "order.viewPayments", // payment numbers, transaction ids, refunds
  "order.viewAddress", // receiver address and phone (masked unless the field is unmasked)
  "order.export",
  "dashboard.view",
  "audit.view",
  "admin.users",
  "admin.roles",
  "unmask.approve", // grants or refuses temporary unmask requests (临时权限)
  // Order actions (issue 4; see README "Order lifecycle" for who may do what)
  "order.ship", // push to WMS, confirm shipment
  "order.hold", // hold / release, flag for review
  "order.refund", // request a refund (opens after-sale)
  "order.refundComplete", // complete a refund
  "order.manage", // mark paid / delivered / completed, cancel
  "integration.manage", // 集成 page: dead letters, re-run, heartbeats
  "customer.view", // 客户 page: search, customer view, contact notes (issue 9)
  "customer.merge", // merge / unmerge customers, run a matching pass (issue 9)
  "ingestion.manage", // 数据接入 page: file imports, quarantine correct-and-replay, data quality (issue 3)
  "exception.handle", // 异常工作台: claim, transfer, note, one-click fixes, resolve (issue 6)
  "exception.approve", // approve / refuse orders held for approval (low price, > ¥5,000), within the row scope (issue 6)
  "rules.manage", // 规则 page: enable, parameterise rules; alert webhooks (issue 6)
  "finance.reconcile", // 对账 page: import statements, confirm matches, explain discrepancies, diff locator (issue 8)
  "finance.close", // close a business day after the three-way match (issue 8)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_KEYS = ["ADMIN", "OPS_MANAGER", "REGIONAL_MANAGER", "CS_AGENT", "WAREHOUSE", "FINANCE", "AUDITOR"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const ROW_SCOPES = ["ALL", "CHANNELS", "REGION"] as const;
export type RowScope = (typeof ROW_SCOPES)[number];

export const SENSITIVE_FIELDS = ["phone", "idNumber", "addressDetail", "buyerNick"] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

export interface RoleDefaults {
  key: RoleKey;
  nameZh: string;
  nameEn: string;
  permissions: Permission[];
  rowScope: RowScope;
  unmaskedFields: SensitiveField[];
  /** Most rows one export may hold (0: none); only matters with "order.export". */
  exportRowCap: number;
}

export const DEFAULT_ROLES: RoleDefaults[] = [
  {
    key: "ADMIN", exportRowCap: 50000, nameZh: "管理员", nameEn: "Administrator", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress", "order.export", "dashboard.view", "admin.users", "admin.roles", "unmask.approve", "order.ship", "order.hold", "order.refund", "order.refundComplete", "order.manage", "integration.manage", "ingestion.manage", "customer.view", "customer.merge", "exception.handle", "exception.approve", "rules.manage", "finance.reconcile", "finance.close"],
  },
  {
    key: "OPS_MANAGER", exportRowCap: 50000, nameZh: "运营经理", nameEn: "Operations manager", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress", "order.export", "dashboard.view", "unmask.approve", "order.ship", "order.hold", "order.refund", "order.refundComplete", "order.manage", "integration.manage", "ingestion.manage", "customer.view", "customer.merge", "exception.handle", "exception.approve", "rules.manage", "finance.reconcile", "finance.close"],
  },
  {
    key: "REGIONAL_MANAGER", exportRowCap: 10000, nameZh: "区域经理", nameEn: "Regional manager", rowScope: "REGION", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress", "order.export", "dashboard.view", "exception.approve"],
  },
  {
    key: "CS_AGENT", exportRowCap: 0, nameZh: "客服", nameEn: "Customer service", rowScope: "CHANNELS", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress", "order.ship", "order.hold", "order.refund", "customer.view", "exception.handle"],
  },
  {
    key: "WAREHOUSE", exportRowCap: 0, nameZh: "仓储主管", nameEn: "Warehouse lead", rowScope: "ALL", unmaskedFields: ["addressDetail"],
    permissions: ["order.view", "order.viewAddress", "dashboard.view", "order.ship", "exception.handle"],
  },
  {
    key: "FINANCE", exportRowCap: 50000, nameZh: "财务", nameEn: "Finance", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.export", "dashboard.view", "order.refundComplete", "finance.reconcile", "finance.close"],
  },
  {
    key: "AUDITOR", exportRowCap: 0, nameZh: "审计", nameEn: "Auditor", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "audit.view"],
  },
];
