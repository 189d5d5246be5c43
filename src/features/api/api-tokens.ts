import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { User } from '../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { can } from '../../core/permissions.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { ApiTokenRow } from '../../core/repositories/api-tokens-repository.ts';
import type { Repositories } from '../../core/repositories.ts';
import { hashToken, newToken } from '../../core/secret-tokens.ts';

/**
 * What a token may do beyond reading public work. Its user's role still bounds each one: a
 * contributor's `publish` token publishes nothing, and a revoked or disabled account's tokens
 * stop working at once.
 */
export const API_SCOPES = ['read-drafts', 'write', 'publish'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Secrets start with this, so a leaked one is recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'dsr_';
/** Last use is written at most this often per token: reads should not each cost a write. */
export const LAST_USE_PRECISION_MS = 60_000;

export interface ApiTokenDeps {
  repos: Pick<Repositories, 'apiTokens' | 'users' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

export interface AuthenticatedToken {
  token: ApiTokenRow;
  scopes: ReadonlySet<ApiScope>;
  user: User;
}

/** A token that is not (or no longer) good: the API answers 401 and says no more. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

export function parseScopes(text: string): Set<ApiScope> {
  return new Set(
    text.split(/\s+/).filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
  );
}

/** Creates a token for a user; the secret is returned here once and never stored. */
export async function createApiToken(
  deps: ApiTokenDeps,
  input: { userId: number; name: string; scopes: readonly string[] },
  actor: Actor,
): Promise<{ id: number; secret: string }> {
  const name = input.name.normalize('NFC').trim();
  const issues: Array<{ path: string; message: string }> = [];
  if (!name) issues.push({ path: 'name', message: 'Name the token after what will use it' });
  if (name.length > 200) issues.push({ path: 'name', message: 'At most 200 characters' });
  const unknown = input.scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) issues.push({ path: 'scopes', message: `Unknown scope ${unknown[0]}` });
  const user = await deps.repos.users.findById(input.userId);
  if (!user) issues.push({ path: 'userId', message: 'No such user' });
  else if (user.disabled) issues.push({ path: 'userId', message: 'This account is disabled' });
  if (issues.length > 0 || !user) {
    throw new ValidationError(`${issues[0]?.path}: ${issues[0]?.message}`, issues);
  }
  const scopes = API_SCOPES.filter((s) => input.scopes.includes(s));
  const secret = `${TOKEN_PREFIX}${newToken()}`;
  const at = deps.clock.now().toISOString();
  const id = await deps.transactor.transaction(async (tx) => {
    const id = await deps.repos.apiTokens.insert(
      {
        userId: user.id,
        name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        scopes: scopes.join(' '),
        createdAt: at,
        createdByUserId: actor.userId,
      },
      tx,
    );
    await deps.audit.record(
      actor,
      'api-token.create',
      { type: 'api-token', id },
      { name, scopes, forUser: user.email },
      tx,
    );
    return id;
  });
  return { id, secret };
}

export async function revokeApiToken(deps: ApiTokenDeps, id: number, actor: Actor): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.transactor.transaction(async (tx) => {
    const token = await deps.repos.apiTokens.findById(id, tx);
    if (!token) throw new NotFoundError('No such token');
    if (!(await deps.repos.apiTokens.revoke(id, at, tx))) return;
    await deps.audit.record(
      actor,
      'api-token.revoke',
      { type: 'api-token', id },
      { name: token.name },
      tx,
    );
  });
}

/**
 * Finds the token behind a secret and records its use: the last use (to the minute) on the
 * token, and an `api-token.use` audit entry whenever the token comes back after an hour's rest.
 */
export async function authenticateToken(
  deps: ApiTokenDeps,
  secret: string,
  ip: string | null,
): Promise<AuthenticatedToken> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) throw new InvalidTokenError();
  const token = await deps.repos.apiTokens.findByHash(hashToken(secret));
  if (!token || token.revokedAt) throw new InvalidTokenError();
  const user = await deps.repos.users.findById(token.userId);
  if (!user || user.disabled) throw new InvalidTokenError();
  const now = deps.clock.now();
  const last = token.lastUsedAt ? new Date(token.lastUsedAt).getTime() : null;
  if (last === null || now.getTime() - last >= LAST_USE_PRECISION_MS) {
    const at = now.toISOString();
    await deps.transactor.transaction(async (tx) => {
      await deps.repos.apiTokens.touch(token.id, at, ip, tx);
      if (last === null || now.getTime() - last >= 60 * 60_000) {
        await deps.audit.record(
          { userId: user.id, label: tokenLabel(token), ip },
          'api-token.use',
          { type: 'api-token', id: token.id },
          null,
          tx,
        );
      }
    });
  }
  return { token, scopes: parseScopes(token.scopes), user };
}

/** How a token's writes are named in the audit trail. */
export function tokenLabel(token: Pick<ApiTokenRow, 'id' | 'name'>): string {
  return `API token #${token.id} (${token.name})`;
}

export function tokenActor(auth: AuthenticatedToken, ip: string | null): Actor {
  return {
    userId: auth.user.id,
    label: tokenLabel(auth.token),
    ip,
    mayPublish:
      auth.scopes.has('publish') &&
      can({ id: auth.user.id, role: auth.user.role }, 'publication.publish'),
  };
}
