import type { Permission } from "@/lib/access/roles";

/** The console's areas; the sidebar lists only those that exist and the user may open. */
export const NAV_ITEMS: { href: string; labelKey: string; permission: Permission; icon: "orders" }[] = [
  { href: "/orders", labelKey: "nav.orders", permission: "order.view", icon: "orders" },
];
