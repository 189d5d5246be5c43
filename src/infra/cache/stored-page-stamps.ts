import type { ChangeFeed } from '../../core/change-feed.ts';
import type { Transactor, Tx } from '../../core/ports.ts';
import type { NewAuditEvent } from '../db/repos/audit.repo.ts';
import type { Repositories } from '../db/repositories.ts';
import { auditScope } from './audit-scope.ts';

/**
 * Keeps the stored publication pages (src/services/reading/stored-page.ts) from ever showing an
 * old version. Every change a stored page shows moves a stamp inside the writing transaction:
 *
 * - the change feed names each publication whose own data changed (a save, a workflow move, an
 *   attachment, a person's or topic's update, which announce every linked publication) and each
 *   stored file whose description changed;
 * - the audit trail names everything else; a section, the settings, a series, an organization or
 *   a place move the site's stamp, which retires every stored page at once.
 *
 * Returns the transactor every service must use (see the catalog's stamp below).
 *
 * Unlike the render cache this is always on, in every process: the stamps live in the database,
 * so a write through one process retires the pages every other process would serve. An audit
 * event written outside a transaction (an import's summary) is written after the change it
 * records has committed.
 */
export function keepStoredPagesCurrent(
  changes: ChangeFeed,
  repos: Pick<Repositories, 'audit' | 'files' | 'publicationRenders'>,
  transactor: Transactor,
): Transactor {
  const renders = repos.publicationRenders;
  // Transactions opened through the returned transactor, and those of them that changed a
  // publication: they move the catalog's stamp once, as their last statement. Every writer
  // moves that one row, and on PostgreSQL its lock is held to commit; taken last, it is never
  // held while waiting for another lock, so two writers cannot deadlock over it.
  const open = new WeakSet<object>();
  const touched = new WeakSet<object>();
  async function publicationsChanged(ids: number[], tx: Tx): Promise<void> {
    await renders.stampPublications(ids, tx);
    if (open.has(tx)) touched.add(tx);
    else await renders.stampCatalog(tx);
  }
  changes.subscribe({
    async publicationChanged(publicationId, tx) {
      await publicationsChanged([publicationId], tx);
    },
    async storedFileChanged(storedFileId, tx) {
      await publicationsChanged(await repos.files.publicationsUsing(storedFileId, tx), tx);
    },
  });
  const audit = repos.audit;
  const append = audit.append.bind(audit);
  audit.append = async (event: NewAuditEvent, tx?: Tx) => {
    await append(event, tx);
    const scope = auditScope(event);
    if (scope.kind === 'publication') {
      if (tx) await publicationsChanged([scope.id], tx);
      else {
        await renders.stampPublications([scope.id]);
        await renders.stampCatalog();
      }
    } else if (scope.kind === 'site') await renders.stampSite(tx);
  };
  return {
    transaction: (fn) =>
      transactor.transaction(async (tx) => {
        open.add(tx);
        const result = await fn(tx);
        if (touched.has(tx)) await renders.stampCatalog(tx);
        return result;
      }),
  };
}
