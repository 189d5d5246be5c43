/**
 * A fixed-window request counter per key (a token, an address). It lives in the process's
 * memory: requests are too frequent to count in the database, and each server process answers
 * at most `limit` per window per key. Old windows are dropped as they pass.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, rule: RateLimit): number {
    const now = this.now();
    this.sweep(now, rule.windowMs);
    let w = this.windows.get(key);
    if (!w || now - w.start >= rule.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= rule.limit) return 0;
    return Math.max(1, Math.ceil((w.start + rule.windowMs - now) / 1000));
  }

  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }
}
