import { redirect } from "next/navigation";
import { can } from "@/lib/access/actor";
import { requireActor } from "@/lib/session";

export default async function AdminIndex() {
  const actor = await requireActor();
  redirect(can(actor, "admin.users") || !can(actor, "admin.roles") ? "/admin/users" : "/admin/roles");
}
