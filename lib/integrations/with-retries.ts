/** The first stage of every integration's retry policy: a few quick tries (default 3, 5 s apart). */
export interface QuickRetry {
  tries: number;
  delayMs: number;
}
export const DEFAULT_QUICK_RETRY: QuickRetry = { tries: 3, delayMs: 5_000 };

export async function withRetries<T>(fn: () => Promise<T>, policy: QuickRetry = DEFAULT_QUICK_RETRY): Promise<T> {
  let last: unknown;
  for (let attempt = 1; attempt <= policy.tries; attempt++) {
    try {
      return await fn();
    } catch (err) {
      last = err;
      if (isPermanent(err) || attempt === policy.tries) break;
      await new Promise((r) => setTimeout(r, policy.delayMs));
    }
  }
  throw last;
}

/** An error retrying cannot fix (bad data, illegal transition): goes straight to the dead letters. */
export class PermanentError extends Error {
  name = "PermanentError";
}
export const isPermanent = (err: unknown) => err instanceof PermanentError;
