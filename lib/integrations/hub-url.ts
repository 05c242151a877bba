/** Where this hub answers, for the URLs peers call back and for the demo's fake peers (WEB_BASE_URL, else local). */
export const hubBaseUrl = () => process.env.WEB_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
