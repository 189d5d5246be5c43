import type { Repositories } from '../../core/repositories.ts';
import { RateLimitedError } from './auth-errors.ts';

/**
 * Growing delays after failed sign-ins, per account and per address. The first few failures cost
 * nothing (people mistype); after that each one doubles the wait, up to 15 minutes. The counts
 * live in the database, so every process enforces the same limit.
 *
 * An attempt is counted as a failure before its password or passkey is checked, and a success
 * clears the count. Counting after the check let attempts that arrived together all pass: each
 * read the count while the others were still hashing their password, none of them written yet.
 */
const FREE_FAILURES = { account: 4, address: 10 };
const MAX_DELAY_SECONDS = 15 * 60;
const WINDOW_MS = 24 * 60 * 60 * 1000;
/** Rounds of compare-and-set before an attempt gives way: each round, one contender wins. */
const MAX_ROUNDS = 50;

type LimitRepos = Pick<Repositories, 'signInLimits'>;
export interface SignInClient {
  email: string | null;
  ip: string | null;
}

export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - free));
}

/**
 * Counts one attempt against the address, then the account, or throws a RateLimitedError and
 * counts nothing more. The address goes first, so that one address trying many accounts is
 * stopped before it adds to the count of any account.
 */
export async function countSignInAttempt(
  repos: LimitRepos,
  who: SignInClient,
  now: Date,
): Promise<void> {
  if (who.ip) await countAgainst(repos, `address:${who.ip}`, FREE_FAILURES.address, now);
  if (who.email) await countAgainst(repos, `account:${who.email}`, FREE_FAILURES.account, now);
}

/** A sign-in succeeded: the failures counted for its account and address no longer count. */
export async function clearSignInFailures(repos: LimitRepos, who: SignInClient): Promise<void> {
  if (who.ip) await repos.signInLimits.clear(`address:${who.ip}`);
  if (who.email) await repos.signInLimits.clear(`account:${who.email}`);
}

async function countAgainst(repos: LimitRepos, key: string, free: number, now: Date) {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const seen = await repos.signInLimits.find(key);
    const last = seen?.lastFailureAt ?? null;
    const failures = last !== null && last >= since ? seen!.failures : 0;
    if (last !== null) {
      const until = new Date(last).getTime() + delayAfter(failures, free) * 1000;
      const seconds = Math.ceil((until - now.getTime()) / 1000);
      if (seconds > 0) throw new RateLimitedError(seconds);
    }
    const next = { failures: failures + 1, lastFailureAt: now.toISOString() };
    if (await repos.signInLimits.compareAndSet(key, seen, next)) return;
  }
  // So many attempts at once on one key is itself the sign of an attack.
  throw new RateLimitedError(1);
}
