import { createHmac } from 'node:crypto';
import { newToken, safeEqual } from '../auth/secret-tokens.ts';
import type { Repositories } from '../db/repositories.ts';
import type { Clock } from './ports.ts';

/**
 * Signed, expiring links that show a draft to someone without an account (a co-author, a
 * lawyer). The signature uses a secret kept in the database, so every process accepts the
 * links of every other; rotating the secret revokes them all.
 */
export interface PreviewDeps {
  repos: Pick<Repositories, 'settings'>;
  clock: Clock;
}

const SECRET_KEY = 'secret.preview-links';

async function secret(deps: PreviewDeps): Promise<string> {
  const existing = await deps.repos.settings.get<string>(SECRET_KEY);
  if (existing) return existing;
  await deps.repos.settings.set(SECRET_KEY, newToken(), deps.clock.now().toISOString());
  // Read back: if two processes raced, both now use whichever value landed last.
  return (await deps.repos.settings.get<string>(SECRET_KEY))!;
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export async function makePreviewToken(
  deps: PreviewDeps,
  publicationId: number,
  days = 7,
): Promise<{ token: string; expiresAt: string }> {
  const expiresAt = new Date(deps.clock.now().getTime() + days * 86_400_000).toISOString();
  const payload = `${publicationId}.${Math.floor(new Date(expiresAt).getTime() / 1000)}`;
  return { token: `${payload}.${sign(await secret(deps), payload)}`, expiresAt };
}

/** The publication a token shows, or null when it is forged, altered or expired. */
export async function readPreviewToken(deps: PreviewDeps, token: string): Promise<number | null> {
  const m = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, id, expires, signature] = m;
  if (!safeEqual(sign(await secret(deps), `${id}.${expires}`), signature!)) return null;
  if (Number(expires) * 1000 <= deps.clock.now().getTime()) return null;
  return Number(id);
}
