import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { BUSINESS_TIME_ZONE } from "../time/biz-time";
import { LOCALE_COOKIE, toLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: BUSINESS_TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
