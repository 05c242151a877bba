import pino from "pino";

/** Structured logs for the server, worker and scripts. */
export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "order-hub" } });
