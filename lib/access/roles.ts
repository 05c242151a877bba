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
}

export const DEFAULT_ROLES: RoleDefaults[] = [
  {
    key: "ADMIN", nameZh: "管理员", nameEn: "Administrator", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress", "order.export", "dashboard.view", "admin.users", "admin.roles"],
  },
  {
    key: "OPS_MANAGER", nameZh: "运营经理", nameEn: "Operations manager", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress", "order.export", "dashboard.view"],
  },
  {
    key: "REGIONAL_MANAGER", nameZh: "区域经理", nameEn: "Regional manager", rowScope: "REGION", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress", "order.export", "dashboard.view"],
  },
  {
    key: "CS_AGENT", nameZh: "客服", nameEn: "Customer service", rowScope: "CHANNELS", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.viewAddress"],
  },
  {
    key: "WAREHOUSE", nameZh: "仓储主管", nameEn: "Warehouse lead", rowScope: "ALL", unmaskedFields: ["addressDetail"],
    permissions: ["order.view", "order.viewAddress", "dashboard.view"],
  },
  {
    key: "FINANCE", nameZh: "财务", nameEn: "Finance", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "order.viewPayments", "order.export", "dashboard.view"],
  },
  {
    key: "AUDITOR", nameZh: "审计", nameEn: "Auditor", rowScope: "ALL", unmaskedFields: [],
    permissions: ["order.view", "audit.view"],
  },
];
