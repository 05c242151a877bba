import { can, type Actor } from "@/lib/access/actor";
import type { Permission } from "@/lib/access/roles";
import { canWholeBook } from "@/lib/access/whole-book";

/**
 * The console's areas; the sidebar lists only those that exist and the user may open. `wholeBook`
 * areas work on every shop and region at once (lib/access/whole-book.ts): a row-scoped role may not open them.
 */
export const NAV_ITEMS: { href: string; labelKey: string; permission: Permission; wholeBook?: true; icon: "orders" | "unmask" | "audit" | "admin" | "ingestion" | "integrations" | "customers" | "reconciliation" | "exceptions" | "dashboards" | "health" }[] = [
  { href: "/orders", labelKey: "nav.orders", permission: "order.view", icon: "orders" },
  { href: "/dashboards", labelKey: "dashboards.nav", permission: "dashboard.view", icon: "dashboards" },
  { href: "/health", labelKey: "dashboards.healthNav", permission: "dashboard.view", icon: "health" },
  { href: "/customers", labelKey: "customers.nav", permission: "customer.view", icon: "customers" },
  { href: "/exceptions", labelKey: "anomalies.nav", permission: "exception.handle", icon: "exceptions" },
  { href: "/ingestion", labelKey: "ingestion.nav", permission: "ingestion.manage", wholeBook: true, icon: "ingestion" },
  { href: "/unmask", labelKey: "access.nav.unmask", permission: "order.view", icon: "unmask" },
  { href: "/integrations", labelKey: "nav.integrations", permission: "integration.manage", icon: "integrations" },
  { href: "/audit", labelKey: "access.nav.audit", permission: "audit.view", icon: "audit" },
  { href: "/admin", labelKey: "access.nav.admin", permission: "admin.users", icon: "admin" },
  { href: "/reconciliation", labelKey: "reconciliation.nav", permission: "finance.reconcile", wholeBook: true, icon: "reconciliation" },
];

/** The areas this person's sidebar lists. */
export function navItemsFor(actor: Actor) {
  return NAV_ITEMS.filter((i) => (i.wholeBook ? canWholeBook(actor, i.permission) : can(actor, i.permission)));
}
