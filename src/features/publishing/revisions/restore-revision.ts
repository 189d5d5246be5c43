import type { Actor } from '../../../core/actor.ts';
import type { PublicationRecord } from '../../../core/entities.ts';
import { NotFoundError } from '../../../core/errors.ts';
import type { Transactor } from '../../../core/ports.ts';
import { type SavePublicationDeps, updatePublication } from '../save-publication.ts';
import { restoredInput } from './revision-snapshot.ts';

/**
 * Brings back the content of revision `version` as a new save over `expectedVersion`: history is
 * never rewritten, the restore is one more revision. A stale `expectedVersion` raises the same
 * ConflictError as any save. The save and its audit entry share one transaction.
 */
export async function restoreRevision(
  deps: SavePublicationDeps,
  publicationId: number,
  version: number,
  expectedVersion: number,
  actor: Actor,
): Promise<PublicationRecord> {
  return deps.transactor.transaction(async (tx) => {
    const current = await deps.repos.publications.findById(publicationId, tx);
    if (!current || current.deletedAt) throw new NotFoundError('No such publication');
    const snapshot = await deps.repos.revisions.snapshot(publicationId, version, tx);
    if (snapshot === undefined) throw new NotFoundError(`There is no version ${version}`);
    // The save joins this transaction instead of opening its own.
    const joined: Transactor = { transaction: (fn) => fn(tx) };
    const saved = await updatePublication(
      { ...deps, transactor: joined },
      publicationId,
      expectedVersion,
      restoredInput(snapshot, current),
      actor,
    );
    await deps.audit.record(
      actor,
      'publication.revision.restore',
      { type: 'publication', id: publicationId },
      { restored: version, newVersion: saved.version },
      tx,
    );
    return saved;
  });
}
