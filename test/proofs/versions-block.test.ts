import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import type { WiredContext } from '../../src/context.ts';
import { TIMESTAMP_JOB } from '../../src/core/timestamps.ts';
import { changeStatus } from '../../src/features/publishing/workflow.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildPublication,
  buildSection,
  editPublication,
  fixedClock,
  testContext,
} from '../support/factories.ts';
import { type LocalTsa, startLocalTsa } from '../support/local-tsa.ts';

describeEachDatabase('the public "Versions and proof" block', (db) => {
  let tsa: LocalTsa;
  let ctx: WiredContext;

  beforeAll(async () => {
    tsa = await startLocalTsa();
    ctx = await testContext(db(), fixedClock(), undefined, {
      renderCache: {},
      config: { timestamping: { url: tsa.url, caFile: tsa.caFile } },
    });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    await tsa?.close();
  });

  const drain = () => createJobRunner(ctx, { kinds: [TIMESTAMP_JOB] }).drain();

  it('lists each dated version in both languages, with its exact record and its reply', async () => {
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, { sectionId: section.id });
    await drain();
    await editPublication(ctx, piece.id, { title: 'A Human Rights Dialogue, second edition' });
    await drain();
    const app = createApp(ctx);
    const folder = `/${section.slug}/${piece.slug}/`;
    const page = await (await app.request(folder)).text();
    expect(page).toContain('Versions and proof');
    expect(page).toContain(`href="${folder}versions/2/record.json"`);
    expect(page).toContain('openssl ts -verify');
    expect(await (await app.request(`/ko${folder}`)).text()).toContain('판본과 증명');
    const [first] = await ctx.repos.proofs.listFor(piece.id);
    const record = await app.request(`${folder}versions/1/record.json`);
    expect(record.status).toBe(200);
    expect(await record.text()).toBe(first!.record);
    const reply = await app.request(`${folder}versions/1/record.tsr`);
    expect(reply.headers.get('content-type')).toBe('application/timestamp-reply');
    expect(Buffer.from(await reply.arrayBuffer()).toString('base64')).toBe(first!.reply);
    expect((await app.request(`${folder}versions/3/record.json`)).status).toBe(404);
  });

  it('answers 404 for the versions of a piece the public may no longer see', async () => {
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, { sectionId: section.id });
    await drain();
    const app = createApp(ctx);
    const path = `/${section.slug}/${piece.slug}/versions/1/record.json`;
    expect((await app.request(path)).status).toBe(200);
    await changeStatus(
      ctx,
      { id: piece.id, version: piece.version, to: 'withdrawn', withdrawnReason: 'On request.' },
      SYSTEM_ACTOR,
    );
    expect((await app.request(path)).status).toBe(404);
    expect((await app.request(path.replace('record.json', 'record.tsr'))).status).toBe(404);
  });
});
