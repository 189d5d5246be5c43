import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import { verifyArchive } from '../../src/cli/verify-command.ts';
import type { WiredContext } from '../../src/context.ts';
import { TIMESTAMP_JOB } from '../../src/core/timestamps.ts';
import { exportArchive } from '../../src/infra/backup/export-archive.ts';
import { restoreArchive } from '../../src/infra/backup/restore-archive.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import {
  closeTestDatabase,
  describeEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/databases.ts';
import { buildPublication, buildSection, fixedClock, testContext } from '../support/factories.ts';
import { type LocalTsa, startLocalTsa } from '../support/local-tsa.ts';

/** Proofs are evidence: a backup carries them byte for byte, and they still verify after a restore. */
describeEachDatabase(
  'proofs of what was published when through export and restore',
  (db, dialect) => {
    let tsa: LocalTsa;
    let source: WiredContext;
    let target: TestDatabase;
    let restored: WiredContext;
    let slug: string;
    let pieceId: number;

    beforeAll(async () => {
      tsa = await startLocalTsa();
      const timestamping = { url: tsa.url, caFile: tsa.caFile };
      source = await testContext(db(), fixedClock(), undefined, { config: { timestamping } });
      const section = await buildSection(source);
      const piece = await buildPublication(source, { sectionId: section.id });
      pieceId = piece.id;
      slug = `${section.slug}/${piece.slug}`;
      await createJobRunner(source, { kinds: [TIMESTAMP_JOB] }).drain();
      const archive = join(db().dir, 'proofs.tar');
      await exportArchive(source, archive, SYSTEM_ACTOR);
      target = await openTestDatabase(dialect);
      restored = await testContext(target, fixedClock(), undefined, { config: { timestamping } });
      await restoreArchive(restored, archive, SYSTEM_ACTOR);
    }, 60_000);
    afterAll(async () => {
      await restored?.close();
      await source?.close();
      if (target) await closeTestDatabase(target);
      await tsa?.close();
    });

    it('come back exactly, and verify offline in the restored archive', async () => {
      const before = await source.repos.proofs.listFor(pieceId);
      expect(before).toHaveLength(1);
      expect(await restored.repos.proofs.listFor(pieceId)).toEqual(before);
      const lines: string[] = [];
      expect(await verifyArchive(restored, slug, (l) => lines.push(l))).toBe(0);
      expect(lines).toEqual([
        'Verified 1 piece(s) and 1 proof(s): 0 failure(s), 0 not timestamped.',
      ]);
    });
  },
);
