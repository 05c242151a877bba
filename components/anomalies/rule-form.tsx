"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ParamKind } from "@/lib/anomalies/rules";
import { isAppError } from "@/lib/errors/app-error";
import { fenToYuanString, parseYuan } from "@/lib/money/fen";
import { saveRuleAction } from "@/app/(console)/rules/actions";
import { useAction } from "@/components/data/use-action";

type Value = number | string[];

/** One rule's switch, severity and parameters (amounts edited in yuan, stored in fen; word lists one per line). */
export function RuleForm({ code, enabled, severity, params, kinds }: { code: string; enabled: boolean; severity: "LIGHT" | "SEVERE"; params: Record<string, Value>; kinds: Record<string, ParamKind> }) {
  const t = useTranslations("anomalies");
  const [on, setOn] = useState(enabled);
  const [sev, setSev] = useState(severity);
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join("\n") : kinds[k] === "fen" ? fenToYuanString(v) : String(v)])),
  );
  const [saved, setSaved] = useState(false);
  const { run, error, setError, busy } = useAction();
  const save = () => {
    const out: Record<string, Value> = {};
    for (const [k, kind] of Object.entries(kinds)) {
      const raw = text[k] ?? "";
      if (kind === "words") out[k] = raw.split("\n").map((w) => w.trim()).filter(Boolean);
      else if (kind === "fen") {
        try {
          out[k] = parseYuan(raw);
        } catch (err) {
          if (!isAppError(err)) throw err;
          return setError(t("params." + k) + " ?");
        }
      } else {
        const n = Number(raw.trim());
        if (!raw.trim() || !Number.isFinite(n)) return setError(t("params." + k) + " ?");
        out[k] = Math.round(n);
      }
    }
    setSaved(false);
    run(() => saveRuleAction({ code, enabled: on, severity: sev, params: out }), () => setSaved(true));
  };
  return (
    <div className="space-y-3" data-testid={`rule-${code}`}>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2"><input type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} data-testid="rule-enabled" />{t("rulesPage.enabled")}</label>
        <label className="flex items-center gap-2">{t("rulesPage.severity")}
          <select value={sev} onChange={(e) => setSev(e.target.value as "LIGHT" | "SEVERE")} className="h-8 rounded-md border bg-background px-2" data-testid="rule-severity">
            <option value="LIGHT">{t("severity.LIGHT")}</option>
            <option value="SEVERE">{t("severity.SEVERE")}</option>
          </select>
        </label>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {Object.entries(kinds).map(([k, kind]) => (
          <label key={k} className="space-y-1 text-xs">
            <span>{t(`params.${k}`)}{kind === "words" ? ` (${t("wordsHint")})` : ""}</span>
            {kind === "words"
              ? <Textarea rows={3} value={text[k] ?? ""} onChange={(e) => setText({ ...text, [k]: e.target.value })} data-testid={`param-${k}`} />
              : <Input inputMode="decimal" value={text[k] ?? ""} onChange={(e) => setText({ ...text, [k]: e.target.value })} data-testid={`param-${k}`} />}
          </label>
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button size="sm" onClick={save} disabled={busy} data-testid="rule-save">{t("rulesPage.save")}</Button>
        {saved ? <span className="text-sm text-emerald-700" role="status">{t("rulesPage.saved")}</span> : null}
      </div>
      {error ? <Alert variant="destructive" role="alert"><AlertDescription>{error}</AlertDescription></Alert> : null}
    </div>
  );
}
