export const LOCALE_COOKIE = "NEXT_LOCALE";
export const DEFAULT_LOCALE = "zh-CN";
export const toLocale = (v: string | undefined | null): "zh-CN" | "en" => (v === "en" ? "en" : "zh-CN");
