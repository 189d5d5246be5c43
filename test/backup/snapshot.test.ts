import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { exportArchive } from '../../src/infra/backup/export-archive.ts';
import { restoreArchive } from '../../src/infra/backup/restore-archive.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import {
  closeTestDatabase,
  describeEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/databases.ts';
import { demoContext } from '../support/demo-context.ts';
import { buildPublication, testContext } from '../support/factories.ts';
import { entryMap } from './archive-helpers.ts';

function jsonl(entries: Map<string, Buffer>, table: string): Array<Record<string, unknown>> {
  const text = entries.get(`tables/${table}.jsonl`)?.toString('utf8') ?? '';
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describeEachDatabase('export while another connection writes', (db) => {
  let ctx: WiredContext;
  beforeAll(async () => {
    ctx = await demoContext(db());
  }, 60_000);

  it('reads one consistent snapshot without blocking the writer or readers', async () => {
    // Each write puts one audit event and one redirect in the same transaction. A snapshot
    // holds both or neither; reading the tables at different moments would split the pairs.
    let n = 0;
    let stop = false;
    // On SQLite the writer is a second connection, as another process would be.
    const config = db().config;
    const lite = config.kind === 'sqlite' ? new SQLite(config.path) : null;
    lite?.pragma('busy_timeout = 5000');
    const writeOne = async () => {
      const i = ++n;
      const at = new Date().toISOString();
      if (lite) {
        lite.transaction(() => {
          lite
            .prepare(
              `insert into audit_events (at, actor_label, action, subject_type) values (?, 'probe', 'probe.write', 'probe')`,
            )
            .run(at);
          lite
            .prepare(
              `insert into redirects (from_path, to_path, status_code, created_at) values (?, '/', 301, ?)`,
            )
            .run(`/probe-${i}/`, at);
        })();
      } else {
        await db()
          .db.kysely.transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('auditEvents')
              .values({
                at,
                actorLabel: 'probe',
                action: 'probe.write',
                subjectType: 'probe',
              } as never)
              .execute();
            await trx
              .insertInto('redirects')
              .values({
                fromPath: `/probe-${i}/`,
                toPath: '/',
                statusCode: 301,
                createdAt: at,
              } as never)
              .execute();
          });
      }
    };
    const writer = (async () => {
      while (!stop) {
        await writeOne();
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      await new Promise((r) => setTimeout(r, 50));
      const before = n;
      const path = join(db().dir, 'busy.tar');
      const exporting = exportArchive(ctx, path, SYSTEM_ACTOR);
      // A reader on the server's own connection is answered while the export runs.
      const sections = await ctx.repos.sections.list();
      expect(sections.length).toBeGreaterThan(0);
      await exporting;
      const during = n - before;
      stop = true;
      await writer;
      expect(during).toBeGreaterThan(0);
      const entries = await entryMap(path);
      const events = jsonl(entries, 'audit_events').filter((r) => r.action === 'probe.write');
      const redirects = jsonl(entries, 'redirects').filter((r) =>
        String(r.from_path).startsWith('/probe-'),
      );
      expect(events.length).toBeGreaterThan(0);
      expect(redirects.length).toBe(events.length);
      expect(events.length).toBeLessThan(n);
    } finally {
      stop = true;
      await writer;
      lite?.close();
    }
  }, 60_000);
});

describeEachDatabase('a table no code knows yet', (db, dialect) => {
  let target: TestDatabase;
  const probe = `create table zz_probe (
      id integer primary key,
      parent_id integer references zz_probe (id),
      publication_id integer references publications (id),
      note text)`;

  beforeAll(async () => {
    target = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await closeTestDatabase(target);
  });

  it('is exported and restored, a row pointing at a later row of its own table included', async () => {
    const ctx = await testContext(db());
    const piece = await buildPublication(ctx);
    await sql.raw(probe).execute(db().db.kysely);
    await sql
      .raw(
        `insert into zz_probe (id, parent_id, publication_id, note) values
          (2, null, ${piece.id}, 'parent'), (1, 2, null, 'child of a later id'), (3, 1, null, 'grandchild')`,
      )
      .execute(db().db.kysely);
    const path = join(db().dir, 'probe.tar');
    const manifest = await exportArchive(ctx, path, SYSTEM_ACTOR);
    const part = manifest.tables.find((t) => t.table === 'zz_probe');
    expect(part?.rows).toBe(3);
    const order = manifest.tables.map((t) => t.table);
    expect(order.indexOf('zz_probe')).toBeGreaterThan(order.indexOf('publications'));

    await sql.raw(probe).execute(target.db.kysely);
    const targetCtx = await testContext(target);
    await restoreArchive(targetCtx, path, SYSTEM_ACTOR);
    const { rows } = await sql<{ id: number; parent_id: number | null; note: string }>`
      select id, parent_id, note from zz_probe order by id`.execute(
      target.db.kysely.withoutPlugins(),
    );
    expect(rows).toEqual([
      { id: 1, parent_id: 2, note: 'child of a later id' },
      { id: 2, parent_id: null, note: 'parent' },
      { id: 3, parent_id: 1, note: 'grandchild' },
    ]);
  });
});
