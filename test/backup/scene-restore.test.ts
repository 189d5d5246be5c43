import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { rebuildMissingTiles } from '../../src/features/imagery/index.ts';
import { exportArchive } from '../../src/infra/backup/export-archive.ts';
import { restoreArchive } from '../../src/infra/backup/restore-archive.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import {
  closeTestDatabase,
  describeEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/databases.ts';
import { buildPublication, testContext } from '../support/factories.ts';
import { addTestScene } from '../support/scenes.ts';

describeEachDatabase('a satellite scene through export and restore', (db, dialect) => {
  let source: WiredContext;
  let target: TestDatabase;
  let restored: WiredContext;
  let imageId: number;

  beforeAll(async () => {
    source = await testContext(db());
    const piece = await buildPublication(source, { status: 'published', body: 'Imagery.' });
    imageId = (
      await addTestScene(source, piece.id, {
        annotations: [{ points: '40,40', label: 'Gate', labelKo: '정문' }],
      })
    ).id;
    const archive = join(db().dir, 'scenes.tar');
    await exportArchive(source, archive, SYSTEM_ACTOR);
    target = await openTestDatabase(dialect);
    restored = await testContext(target);
    await restoreArchive(restored, archive, SYSTEM_ACTOR);
  }, 60_000);
  afterAll(async () => {
    await restored?.close();
    await source?.close();
    if (target) await closeTestDatabase(target);
  });

  it('comes back with its facts and annotations, hidden until its tiles are made again from the original', async () => {
    const app = createApp(restored);
    const scene = await restored.repos.scenes.find(imageId);
    expect(scene?.footprintCrs).toBe('EPSG:32652');
    expect((await restored.repos.scenes.annotationsOf([imageId]))[0]?.labelKo).toBe('정문');
    // The new data folder has no tiles: the scene must not promise files that are not there.
    expect(await rebuildMissingTiles(restored)).toBe(1);
    expect((await app.request(`/iiif/${imageId}/info.json`)).status).toBe(404);
    await createJobRunner(restored).drain();
    const info = await app.request(`/iiif/${imageId}/info.json`);
    expect(info.status).toBe(200);
    expect((await app.request(`/iiif/${imageId}/full/300,200/0/default.jpg`)).status).toBe(200);
    expect(await rebuildMissingTiles(restored)).toBe(0);
  });
});
