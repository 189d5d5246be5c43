import type { ChangeFeed, ChangeListener } from '../../core/change-feed.ts';
import type { Tx } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import { auditScope } from './audit-scope.ts';

/**
 * Keeps the stored publication pages (src/features/reading/loaders/stored-page.ts) from ever showing an
 * old version. Every change a stored page shows moves a stamp inside the writing transaction:
 *
 * - the change feed names each publication whose own data changed (a save, a workflow move, an
 *   attachment, a person's or topic's update, which announce every linked publication) and each
 *   stored file whose description changed;
 * - audit entries name everything else; a section, the settings, a series, an organization or
 *   a place move the site's stamp, which retires every stored page at once.
 *
 * Unlike the render cache this is always on, in every process: the stamps live in the database,
 * so a write through one process retires the pages every other process would serve. An audit
 * entry written outside a transaction (an import's summary) is written after the change it
 * records has committed.
 */
export function storedPageStamps(
  changes: ChangeFeed,
  repos: Pick<Repositories, 'files' | 'publicationRenders'>,
): ChangeListener {
  const renders = repos.publicationRenders;
  // Announced transactions that changed a publication move the catalog's stamp once, as their
  // last statement (`transactionEnding`). Every writer moves that one row, and on PostgreSQL its
  // lock is held to commit; taken last, it is never held while waiting for another lock, so two
  // writers cannot deadlock over it. No other listener may write after it.
  const touched = new WeakSet<Tx>();
  async function publicationsChanged(ids: number[], tx: Tx): Promise<void> {
    await renders.stampPublications(ids, tx);
    if (changes.announces(tx)) touched.add(tx);
    else await renders.stampCatalog(tx);
  }
  return {
    async publicationChanged(publicationId, tx) {
      await publicationsChanged([publicationId], tx);
    },
    async storedFileChanged(storedFileId, tx) {
      await publicationsChanged(await repos.files.publicationsUsing(storedFileId, tx), tx);
    },
    async audited(entry, tx) {
      const scope = auditScope(entry);
      if (scope.kind === 'publication') {
        if (tx) await publicationsChanged([scope.id], tx);
        else {
          await renders.stampPublications([scope.id]);
          await renders.stampCatalog();
        }
      } else if (scope.kind === 'site') await renders.stampSite(tx);
    },
    async transactionEnding(tx) {
      if (touched.has(tx)) await renders.stampCatalog(tx);
    },
  };
}
