import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import type { ChangeFeed } from '../../core/change-feed.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import { nextPublicRecord } from '../../core/publication-status.ts';
import type { Repositories } from '../../core/repositories.ts';

export interface TrashDeps {
  repos: Pick<Repositories, 'publications' | 'audit'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
  changes: ChangeFeed;
}

/** Deleted work stays restorable this long; only admins purge it sooner. */
export const TRASH_DAYS = 30;

async function audit(
  deps: TrashDeps,
  actor: Actor,
  action: string,
  id: number,
  tx: Parameters<Parameters<Transactor['transaction']>[0]>[0],
) {
  await deps.audit.record(actor, action, { type: 'publication', id }, null, tx);
}

export async function moveToTrash(deps: TrashDeps, id: number, actor: Actor): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    const p = await deps.repos.publications.findById(id, tx);
    if (!p || p.deletedAt) throw new NotFoundError('No such publication');
    const now = deps.clock.now();
    const record = nextPublicRecord(p, { ...p, deletedAt: now.toISOString() }, now);
    await deps.repos.publications.setTrashed(id, now.toISOString(), now.toISOString(), record, tx);
    await deps.changes.publicationChanged(id, tx);
    await audit(deps, actor, 'publication.delete', id, tx);
  });
}

export async function restoreFromTrash(deps: TrashDeps, id: number, actor: Actor): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    const p = await deps.repos.publications.findById(id, tx);
    if (!p?.deletedAt) throw new NotFoundError('Not in the trash');
    const now = deps.clock.now();
    const record = nextPublicRecord(p, { ...p, deletedAt: null }, now);
    await deps.repos.publications.setTrashed(id, null, now.toISOString(), record, tx);
    await deps.changes.publicationChanged(id, tx);
    await audit(deps, actor, 'publication.restore', id, tx);
  });
}

/** When work moved to the trash at `deletedAt` is purged by `emptyOldTrash`. */
export function purgeDueAt(deletedAt: string): string {
  return new Date(new Date(deletedAt).getTime() + TRASH_DAYS * 86_400_000).toISOString();
}

/** What is in the trash, most recently deleted first, with the day each will be purged. */
export async function trashContents(deps: Pick<TrashDeps, 'repos'>) {
  const items = await deps.repos.publications.listForEditors({ trashed: true, limit: 1000 });
  return items
    .filter((p) => p.deletedAt !== null)
    .sort((a, b) => (b.deletedAt! < a.deletedAt! ? -1 : 1))
    .map((p) => ({ publication: p, deletedAt: p.deletedAt!, purgeAt: purgeDueAt(p.deletedAt!) }));
}

/** Deletes for good. Only what is already in the trash can be purged. */
export async function purgeFromTrash(deps: TrashDeps, id: number, actor: Actor): Promise<void> {
  await deps.transactor.transaction(async (tx) => {
    const p = await deps.repos.publications.findById(id, tx);
    if (!p?.deletedAt) throw new ValidationError('Only work in the trash can be purged');
    await deps.repos.publications.purge(id, tx);
    await deps.changes.publicationChanged(id, tx);
    await audit(deps, actor, 'publication.purge', id, tx);
  });
}

/** Purges what has been in the trash longer than TRASH_DAYS; run by a scheduled job. */
export async function emptyOldTrash(deps: TrashDeps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - TRASH_DAYS * 86_400_000).toISOString();
  const old = (await deps.repos.publications.listForEditors({ trashed: true, limit: 1000 })).filter(
    (p) => p.deletedAt !== null && p.deletedAt < cutoff,
  );
  for (const p of old)
    await purgeFromTrash(deps, p.id, { userId: null, label: 'trash', ip: null, mayPublish: false });
  return old.length;
}
