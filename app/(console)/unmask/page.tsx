import { getTranslations } from "next-intl/server";
import { UnmaskRequestsTable } from "@/components/unmask/unmask-requests-table";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/access/actor";
import { listMyUnmaskRequests, listUnmaskQueue } from "@/lib/access/list-unmask-requests";
import { getDb } from "@/lib/db/client";
import { requireActor } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";

export default async function UnmaskPage() {
  const actor = await requireActor();
  const t = await getTranslations("access.unmask");
  const db = getDb();
  const approver = can(actor, "unmask.approve");
  const [mine, queue] = await Promise.all([listMyUnmaskRequests(db, actor), approver ? listUnmaskQueue(db, actor) : null]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      {queue ? (
        <Card data-testid="unmask-queue">
          <CardHeader><CardTitle>{t("queue")}</CardTitle></CardHeader>
          <CardContent><UnmaskRequestsTable rows={queue.pending} mode="queue" /></CardContent>
        </Card>
      ) : null}
      <Card data-testid="unmask-mine">
        <CardHeader><CardTitle>{t("mine")}</CardTitle></CardHeader>
        <CardContent><UnmaskRequestsTable rows={mine} mode="mine" /></CardContent>
      </Card>
      {queue ? (
        <Card>
          <CardHeader><CardTitle>{t("decided")}</CardTitle></CardHeader>
          <CardContent><UnmaskRequestsTable rows={queue.decided} mode="decided" /></CardContent>
        </Card>
      ) : null}
    </div>
  );
}
