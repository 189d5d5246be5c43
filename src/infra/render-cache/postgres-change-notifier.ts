import { sql } from 'kysely';
import { ALL, LISTINGS } from '../../core/cache-keys.ts';
import type { ChangeListener } from '../../core/change-feed.ts';
import type { Tx } from '../../core/ports.ts';
import type { Executor } from '../db/executor.ts';
import type { FilesRepo } from '../db/repos/files.repo.ts';
import { auditScope } from './audit-scope.ts';
import { channelFor, MAX_PAYLOAD, PROCESS_ORIGIN } from './invalidation-bus.ts';
import { publicationKeys } from './publication-keys.ts';

/**
 * On PostgreSQL every context, not only a server's, announces changes to the servers' render
 * caches: `dossier import`, `dossier ingest` and `dossier jobs run` write from processes of their
 * own. The NOTIFY is sent inside the writing transaction, so PostgreSQL delivers it at commit,
 * and never for a rollback; an audit entry written outside a transaction follows a change that
 * has committed. Without listeners it costs one statement.
 */
export function postgresChangeNotifier(
  db: Executor,
  files: Pick<FilesRepo, 'publicationsUsing'>,
): ChangeListener {
  let channel: string | null = null;
  const exec = (tx?: Tx) => (tx as unknown as Executor | undefined) ?? db;
  async function notify(keys: string[], tx?: Tx): Promise<void> {
    if (!channel) {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
        exec(tx),
      );
      channel = channelFor(rows[0]?.schema ?? 'public');
    }
    let payload = JSON.stringify({ origin: PROCESS_ORIGIN, keys });
    if (payload.length > MAX_PAYLOAD)
      payload = JSON.stringify({ origin: PROCESS_ORIGIN, keys: ['all'] });
    await sql`select pg_notify(${channel}, ${payload})`.execute(exec(tx));
  }
  const publicationTouched = async (publicationId: number, tx: Tx) =>
    notify(await publicationKeys(exec(tx), publicationId), tx);
  return {
    publicationChanging: publicationTouched,
    publicationChanged: publicationTouched,
    async storedFileChanged(storedFileId, tx) {
      const keys = new Set<string>([LISTINGS]);
      for (const id of await files.publicationsUsing(storedFileId, tx)) {
        for (const k of await publicationKeys(exec(tx), id)) keys.add(k);
      }
      await notify([...keys], tx);
    },
    // Sections, settings and catalog entries have no event of their own. A publication's own
    // entries come with its change above, which has already said what it touched.
    async audited(entry, tx) {
      const scope = auditScope(entry);
      if (scope.kind === 'listings') await notify([LISTINGS], tx);
      else if (scope.kind === 'site') await notify([ALL], tx);
    },
  };
}
