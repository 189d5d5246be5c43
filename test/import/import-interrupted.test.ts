import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import { cliActor } from '../../src/core/actor.ts';
import { loadConfig } from '../../src/core/config.ts';
import { ImportInterruptedError } from '../../src/features/import/import-summary.ts';
import { importWxr } from '../../src/features/import/import-wxr.ts';
import { DEFAULT_WXR_MAPPING } from '../../src/features/import/wxr-mapping.ts';
import { databaseFailure } from '../../src/infra/db/database-failure.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { testContext } from '../support/factories.ts';
import { withoutProgress } from '../support/progress-lines.ts';
import { runCli } from '../support/run-cli.ts';
import { exportOf } from './generated-wxr.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-import-interrupted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'export.xml');
writeFileSync(file, exportOf(154));

/** The database itself refuses the 50th post: a failure that is no fault of the file. */
const REFUSAL = 'the archive refuses post 50';

describeEachDatabase('WordPress import: the database fails part-way', (db, dialect) => {
  it('throws the database’s error with exact counts of what was written before it', async () => {
    const t = db();
    const ctx = await testContext(t);
    if (dialect === 'sqlite') {
      await sql
        .raw(`create trigger refuse_post_50 before insert on publications
          when new.slug = 'post-50' begin select raise(abort, '${REFUSAL}'); end`)
        .execute(t.db.kysely);
    } else {
      await sql
        .raw(`create function refuse_post_50() returns trigger language plpgsql as $$
          begin raise exception '${REFUSAL}'; end $$;
          create trigger refuse_post_50 before insert on publications
          for each row when (new.slug = 'post-50') execute function refuse_post_50()`)
        .execute(t.db.kysely);
    }
    const error = await importWxr(ctx, {
      file,
      mapping: DEFAULT_WXR_MAPPING,
      dryRun: false,
      actor: cliActor(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterruptedError);
    const { summary, cause } = error as ImportInterruptedError;
    expect(databaseFailure(cause)?.message).toContain(REFUSAL);
    const count = async (table: 'publications' | 'redirects' | 'topics') =>
      Number(
        (
          await ctx.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('publications')).toBe(49);
    expect(summary.counts.publications).toEqual({ created: 49, updated: 0, unchanged: 0 });
    expect(summary.counts.redirects?.created).toBe(await count('redirects'));
    expect(summary.counts.topics?.created).toBe(await count('topics'));
  });
});

describe('dossier import wxr when the database fails part-way', () => {
  it('says the database failed, and how much was written, not that the file is invalid', async () => {
    const env = { DATA_DIR: join(dir, 'cli') };
    const setup = await createContext(loadConfig(env));
    await setup.close();
    const path = join(env.DATA_DIR, 'dossier.db');
    const direct = new SQLite(path);
    direct.exec(`create trigger refuse_post_50 before insert on publications
      when new.slug = 'post-50' begin select raise(abort, '${REFUSAL}'); end`);
    direct.close();

    const r = await runCli(['import', 'wxr', file, '--no-jobs'], env, 240_000);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('not a valid WordPress export');
    expect(r.stderr).not.toContain('Nothing was imported');
    expect(r.stderr).not.toContain('a bug');
    const written = new SQLite(path, { readonly: true });
    const n = (q: string) => (written.prepare(q).get() as { n: number }).n;
    const publications = n('select count(*) as n from publications');
    const topics = n('select count(*) as n from topics');
    const redirects = n('select count(*) as n from redirects');
    written.close();
    expect(publications).toBe(49);
    expect(withoutProgress(r.stderr)).toBe(
      [
        `dossier: The import stopped part-way: the database failed (SQLITE_CONSTRAINT_TRIGGER: ${REFUSAL}).`,
        `Written before it stopped: 1 sections created, 1 people created, ${topics} topics created, ${publications} publications created, ${redirects} redirects created.`,
        'Running the same command again completes it: what was written is recognized, not imported twice.',
        '',
      ].join('\n'),
    );
  }, 300_000);
});
