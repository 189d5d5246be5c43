/**
 * How long to wait before attempt `attempt + 1`, after `attempt` attempts failed: doubling from
 * `baseMs`, capped at `maxMs`. No jitter: jobs are few and a predictable schedule is easier to
 * explain in `dossier jobs` than a random one.
 */
export function retryDelayMs(attempt: number, baseMs = 10_000, maxMs = 60 * 60_000): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}
