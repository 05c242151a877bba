/**
 * The body of a history entry in the reader's language: fixes and resolutions are stored as
 * `<code>` or `<code>: <note>`, an auto-close as its reason code.
 */
export function historyText(t: (key: string) => string, kind: string, body: string | null): string | null {
  if (!body) return null;
  const [code, ...rest] = body.split(": ");
  const note = rest.length ? `：${rest.join(": ")}` : "";
  if (kind === "FIX") return `${t(`fix.${code}`)}${note}`;
  if (kind === "RESOLVED") return `${t(`resolution.${code}`)}${note}`;
  if (kind === "AUTO_CLOSED") return t(`closeReasons.${body}`);
  return body;
}
