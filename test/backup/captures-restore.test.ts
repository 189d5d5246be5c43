import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { CAPTURE_JOB } from '../../src/core/captures.ts';
import { readAll } from '../../src/features/publishing/files/read-all.ts';
import { exportArchive } from '../../src/infra/backup/export-archive.ts';
import { restoreArchive } from '../../src/infra/backup/restore-archive.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import {
  closeTestDatabase,
  describeEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/databases.ts';
import { buildPublication, fixedClock, testContext } from '../support/factories.ts';

/** A captured source is evidence too: a backup carries its WARC and its record byte for byte. */
describeEachDatabase('captured sources through export and restore', (db, dialect) => {
  let server: http.Server;
  let source: WiredContext;
  let target: TestDatabase;
  let restored: WiredContext;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<p>Statement by the ministry.</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/statement`;
    const captureSources = { allowHosts: ['127.0.0.1'] };
    source = await testContext(db(), fixedClock(), undefined, { config: { captureSources } });
    await buildPublication(source, {
      status: 'draft',
      body: `As the ministry said.[^1]\n\n[^1]: ${url}`,
    });
    await createJobRunner(source, { kinds: [CAPTURE_JOB] }).drain();
    const archive = join(db().dir, 'captures.tar');
    await exportArchive(source, archive, SYSTEM_ACTOR);
    target = await openTestDatabase(dialect);
    restored = await testContext(target, fixedClock());
    await restoreArchive(restored, archive, SYSTEM_ACTOR);
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await restored?.close();
    await source?.close();
    if (target) await closeTestDatabase(target);
  });

  it('come back with the same record and the same WARC bytes', async () => {
    const before = (await source.repos.captures.latestFor([url])).get(url)!;
    expect(before.state).toBe('captured');
    const after = (await restored.repos.captures.latestFor([url])).get(url)!;
    expect(after).toEqual(before);
    const file = (await restored.repos.files.findStoredFile(after.storedFileId!))!;
    expect(file.mediaType).toBe('application/warc');
    const original = (await source.repos.files.findStoredFile(before.storedFileId!))!;
    expect(Buffer.from(await readAll(restored.files.read(file.sha256)))).toEqual(
      Buffer.from(await readAll(source.files.read(original.sha256))),
    );
  });
});
