import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AnomalyTabs } from "@/components/anomalies/anomaly-tabs";
import { RuleForm } from "@/components/anomalies/rule-form";
import { WebhookForm } from "@/components/anomalies/webhook-form";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/access/actor";
import { loadRuleSettings } from "@/lib/anomalies/rule-settings";
import { RULES } from "@/lib/anomalies/rules";
import { listWebhooks } from "@/lib/anomalies/webhooks";
import { getDb } from "@/lib/db/client";
import { requireActor } from "@/lib/session";

/** 规则: every rule with its switch, severity and parameters; the robot webhooks that get severe ones. */
export default async function RulesPage() {
  const actor = await requireActor();
  if (!can(actor, "rules.manage")) notFound();
  const db = getDb();
  const [settings, hooks] = await Promise.all([loadRuleSettings(db), listWebhooks(db, actor)]);
  const t = await getTranslations("anomalies");
  return (
    <div className="space-y-4">
      <PageHeader title={t("rulesPage.title")} description={t("rulesPage.description")} />
      <AnomalyTabs showRules />
      <Card>
        <CardHeader><CardTitle className="text-base">{t("rulesPage.webhooks")}</CardTitle></CardHeader>
        <CardContent className="space-y-3">
          {hooks.length === 0 ? <p className="text-sm text-muted-foreground">{t("rulesPage.noWebhooks")}</p> : hooks.map((h) => <WebhookForm key={h.id} hook={{ ...h, kind: h.kind as "DINGTALK" | "WECOM" }} />)}
          <WebhookForm />
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {settings.map((s) => (
          <Card key={s.code}>
            <CardHeader className="space-y-1">
              <CardTitle className="flex items-center gap-2 text-base">
                {t(`rules.${s.code}.name`)}
                <Badge variant={s.severity === "SEVERE" ? "destructive" : "secondary"}>{t(`severity.${s.severity}`)}</Badge>
                {!s.enabled ? <Badge variant="outline">{t("rulesPage.enabled")} ✕</Badge> : null}
              </CardTitle>
              <p className="text-xs text-muted-foreground">{t(`rules.${s.code}.description`)}</p>
            </CardHeader>
            <CardContent>
              <RuleForm code={s.code} enabled={s.enabled} severity={s.severity} params={s.params as Record<string, number | string[]>} kinds={RULES[s.code].kinds as Record<string, never>} />
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
