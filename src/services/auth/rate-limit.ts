import type { Repositories } from '../../db/repositories.ts';
import { RateLimitedError } from './auth-errors.ts';

/**
 * Growing delays after failed sign-ins, per account and per address. The first few failures cost
 * nothing (people mistype); after that each one doubles the wait, up to 15 minutes. The counts
 * live in the database, so every process enforces the same limit.
 */
const FREE_FAILURES = { account: 4, address: 10 };
const MAX_DELAY_SECONDS = 15 * 60;
const WINDOW_MS = 24 * 60 * 60 * 1000;

export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - free));
}

export async function assertNotRateLimited(
  repos: Pick<Repositories, 'signInAttempts'>,
  who: { email: string | null; ip: string | null },
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const checks: Array<Promise<number>> = [];
  const wait = async (by: { email?: string; ip?: string }, free: number) => {
    const { count, last } = await repos.signInAttempts.recentFailures(by, since);
    if (!last) return 0;
    const until = new Date(last).getTime() + delayAfter(count, free) * 1000;
    return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
  };
  if (who.email) checks.push(wait({ email: who.email }, FREE_FAILURES.account));
  if (who.ip) checks.push(wait({ ip: who.ip }, FREE_FAILURES.address));
  const seconds = Math.max(0, ...(await Promise.all(checks)));
  if (seconds > 0) throw new RateLimitedError(seconds);
}
