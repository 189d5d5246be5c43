import { ALL, LISTINGS } from '../../core/cache-keys.ts';
import type { ChangeListener } from '../../core/change-feed.ts';
import type { Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import type { Executor } from '../db/executor.ts';
import { auditScope } from './audit-scope.ts';
import { publicationKeys as keysOfPublication } from './publication-keys.ts';

/**
 * Turns what the change feed says into the dependency keys of the pages it alters, inside the
 * writing transaction: the render cache drops those pages, and a CDN is asked to drop them too.
 */
export function changeKeys(
  exec: (tx?: Tx) => Executor,
  repos: Pick<Repositories, 'files'>,
  changed: (keys: string[], tx: Tx | undefined) => void,
): Required<
  Pick<
    ChangeListener,
    'publicationChanging' | 'publicationChanged' | 'storedFileChanged' | 'audited'
  >
> {
  const publicationKeys = (publicationId: number, tx?: Tx) =>
    keysOfPublication(exec(tx), publicationId);
  const publicationTouched = async (publicationId: number, tx: Tx) =>
    changed(await publicationKeys(publicationId, tx), tx);
  return {
    // Before a save, where it is listed before a move; after any change, where it is now.
    publicationChanging: publicationTouched,
    publicationChanged: publicationTouched,
    async storedFileChanged(storedFileId, tx) {
      const keys = new Set<string>([LISTINGS]);
      for (const id of await repos.files.publicationsUsing(storedFileId, tx)) {
        for (const k of await publicationKeys(id, tx)) keys.add(k);
      }
      changed([...keys], tx);
    },
    async audited(entry, tx) {
      const scope = auditScope(entry);
      if (scope.kind === 'publication') changed(await publicationKeys(scope.id, tx), tx);
      else if (scope.kind === 'listings') changed([LISTINGS], tx);
      else if (scope.kind === 'site') changed([ALL], tx);
    },
  };
}
