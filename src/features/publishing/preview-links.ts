import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import type { PreviewLinkListing } from '../../core/repositories/preview-links-repository.ts';
import type { Repositories } from '../../core/repositories.ts';
import { hashToken, newToken } from '../../core/secret-tokens.ts';

/**
 * Expiring links that show an unpublished piece to someone without an account (a co-author, a
 * lawyer). Each link is a row holding the hash of its secret, so an editor can list a piece's
 * links and revoke any of them, and every process accepts the links of every other.
 */
export interface PreviewDeps {
  repos: Pick<Repositories, 'previewLinks' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

export const PREVIEW_DAYS = 7;

export async function makePreviewLink(
  deps: PreviewDeps,
  publicationId: number,
  actor: Actor,
  days = PREVIEW_DAYS,
): Promise<{ token: string; expiresAt: string }> {
  const now = deps.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
  await deps.transactor.transaction(async (tx) => {
    const id = await deps.repos.previewLinks.insert(
      {
        publicationId,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        createdByUserId: actor.userId,
        expiresAt,
      },
      tx,
    );
    await audit(deps, actor, 'publication.preview-link.create', publicationId, { link: id }, tx);
  });
  return { token, expiresAt };
}

/** The publication a link shows and until when, or null when it is unknown, revoked or expired. */
export async function readPreviewLink(
  deps: PreviewDeps,
  token: string,
): Promise<{ publicationId: number; expiresAt: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.clock.now().toISOString();
  const link = await deps.repos.previewLinks.findLive(hashToken(token), now);
  return link ? { publicationId: link.publicationId, expiresAt: link.expiresAt } : null;
}

export async function livePreviewLinks(
  deps: PreviewDeps,
  publicationId: number,
): Promise<PreviewLinkListing[]> {
  return deps.repos.previewLinks.listLive(publicationId, deps.clock.now().toISOString());
}

/** Revokes one link of a piece, or (with `linkId` null) all of them; returns how many. */
export async function revokePreviewLinks(
  deps: PreviewDeps,
  publicationId: number,
  linkId: number | null,
  actor: Actor,
): Promise<number> {
  return deps.transactor.transaction(async (tx) => {
    const at = deps.clock.now().toISOString();
    const n = await deps.repos.previewLinks.revoke(publicationId, linkId, at, tx);
    if (n > 0) {
      await audit(
        deps,
        actor,
        'publication.preview-link.revoke',
        publicationId,
        { link: linkId, count: n },
        tx,
      );
    }
    return n;
  });
}

function audit(
  deps: PreviewDeps,
  actor: Actor,
  action: string,
  publicationId: number,
  detail: Record<string, unknown>,
  tx: Parameters<Parameters<Transactor['transaction']>[0]>[0],
): Promise<void> {
  return deps.audit.record(actor, action, { type: 'publication', id: publicationId }, detail, tx);
}
