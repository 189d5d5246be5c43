import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import { verifyArchive } from '../../src/cli/verify-command.ts';
import type { WiredContext } from '../../src/context.ts';
import { TIMESTAMP_JOB } from '../../src/core/timestamps.ts';
import { LocalFileStore } from '../../src/infra/files/local-file-store.ts';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  attachBytes,
  buildPublication,
  buildSection,
  editPublication,
  fixedClock,
  testContext,
} from '../support/factories.ts';
import { type LocalTsa, opensslVerify, startLocalTsa } from '../support/local-tsa.ts';

describeEachDatabase('proof of what was published when', (db) => {
  let tsa: LocalTsa;
  let ctx: WiredContext;
  const clock = fixedClock('2026-06-01T12:00:00.000Z');

  beforeAll(async () => {
    tsa = await startLocalTsa();
    ctx = await testContext(db(), clock, undefined, {
      config: { timestamping: { url: tsa.url, caFile: tsa.caFile } },
    });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    await tsa?.close();
  });

  const drain = () => createJobRunner(ctx, { kinds: [TIMESTAMP_JOB] }).drain();
  const verify = async (slug: string | null) => {
    const lines: string[] = [];
    const code = await verifyArchive(ctx, slug, (line) => lines.push(line));
    return { code, lines };
  };
  const exec = () => ctx.db.kysely;

  async function publishedPieceWithFile() {
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, { sectionId: section.id, body: 'Testimony.' });
    const { file } = await attachBytes(
      ctx,
      await writeTextPdf({ title: 'Evidence', pages: ['kept for decades'] }),
      { publicationId: piece.id, fileName: 'evidence.pdf', role: 'main-pdf' },
    );
    await drain();
    return { section, piece, file, slug: `${section.slug}/${piece.slug}` };
  }

  it('stamps a piece when it is published, with a token that openssl verifies over the record', async () => {
    const { piece, file } = await publishedPieceWithFile();
    const proofs = await ctx.repos.proofs.listFor(piece.id);
    expect(proofs).toHaveLength(1);
    const [proof] = proofs;
    const record = JSON.parse(proof!.record);
    expect(record.publication.title).toBe('A Human Rights Dialogue');
    expect(record.files).toEqual([expect.objectContaining({ sha256: file.sha256 })]);
    expect(record.captures).toEqual([]);
    expect(proof!.stampedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const recordFile = join(tsa.dir, `record-${piece.id}.json`);
    const replyFile = join(tsa.dir, `record-${piece.id}.tsr`);
    writeFileSync(recordFile, proof!.record);
    writeFileSync(replyFile, Buffer.from(proof!.reply, 'base64'));
    const checked = await opensslVerify(recordFile, replyFile, tsa.caFile);
    expect(checked.output).toContain('Verification: OK');
  });

  it('adds a version when what the public sees changes, and none for a draft', async () => {
    const { piece } = await publishedPieceWithFile();
    await editPublication(ctx, piece.id, { title: 'A Human Rights Dialogue, revised' });
    await drain();
    const proofs = await ctx.repos.proofs.listFor(piece.id);
    expect(proofs.map((p) => p.version)).toEqual([1, 2]);
    expect(JSON.parse(proofs[1]!.record).publication.title).toBe(
      'A Human Rights Dialogue, revised',
    );
    const draft = await buildPublication(ctx, { status: 'draft' });
    await editPublication(ctx, draft.id, { title: 'Still a draft' });
    await drain();
    expect(await ctx.repos.proofs.listFor(draft.id)).toEqual([]);
  });

  it('verifies a clean archive, and fails with one line on a changed file', async () => {
    const { file, slug } = await publishedPieceWithFile();
    const clean = await verify(null);
    expect(clean.code).toBe(0);
    expect(clean.lines.at(-1)).toMatch(/: 0 failure\(s\), 0 not timestamped\.$/);
    const path = new LocalFileStore(ctx.config.filesDir).pathOf(file.sha256);
    writeFileSync(path, 'bit rot');
    const broken = await verify(slug);
    expect(broken.code).toBe(1);
    expect(broken.lines).toEqual([
      `changed: stored file ${file.id} (${file.sha256})`,
      'Verified 1 piece(s) and 1 proof(s): 1 failure(s), 0 not timestamped.',
    ]);
  });

  it('fails with one line on a tampered token and on a tampered record', async () => {
    const { piece, slug, section } = await publishedPieceWithFile();
    const [proof] = await ctx.repos.proofs.listFor(piece.id);
    const reply = Buffer.from(proof!.reply, 'base64');
    reply[reply.length - 20]! ^= 0x01;
    await sql`update publication_proofs set reply = ${reply.toString('base64')} where id = ${proof!.id}`.execute(
      exec(),
    );
    const badToken = await verify(slug);
    expect(badToken.code).toBe(1);
    expect(badToken.lines).toHaveLength(2);
    expect(badToken.lines[0]).toMatch(
      new RegExp(`^/${section.slug}/${piece.slug}/: version 1: the token`),
    );
    const forged = proof!.record.replace('A Human Rights Dialogue', 'A Different Dialogue');
    await sql`update publication_proofs set reply = ${proof!.reply}, record = ${forged} where id = ${proof!.id}`.execute(
      exec(),
    );
    const badRecord = await verify(slug);
    expect(badRecord.code).toBe(1);
    expect(badRecord.lines).toEqual([
      `/${section.slug}/${piece.slug}/: version 1: the record does not match its stored hash`,
      'Verified 1 piece(s) and 1 proof(s): 1 failure(s), 0 not timestamped.',
    ]);
  });

  it('fails when the public record changed and no timestamp is on its way', async () => {
    const { piece, slug, section } = await publishedPieceWithFile();
    await editPublication(ctx, piece.id, { title: 'Quietly changed' });
    const waiting = await verify(slug);
    expect(waiting.code).toBe(0);
    await sql`delete from jobs where kind = ${TIMESTAMP_JOB} and status = 'queued'`.execute(exec());
    const changed = await verify(slug);
    expect(changed.code).toBe(1);
    expect(changed.lines[0]).toBe(
      `/${section.slug}/${piece.slug}/: changed since its last timestamp (version 1)`,
    );
  });

  it('refuses a reply when checked with another authority’s CA certificate', async () => {
    const { slug } = await publishedPieceWithFile();
    const other = await startLocalTsa();
    try {
      const elsewhere = {
        ...ctx,
        config: { ...ctx.config, timestamping: { url: other.url, caFile: other.caFile } },
      };
      const lines: string[] = [];
      expect(await verifyArchive(elsewhere, slug, (l) => lines.push(l))).toBe(1);
      expect(lines[0]).toMatch(/version 1: the token signature does not verify with the CA/);
    } finally {
      await other.close();
    }
  });

  it('retries an authority that answers 500 or garbage, leaving no proof until one is stamped', async () => {
    tsa.mode = 'error';
    const piece = await buildPublication(ctx);
    await drain();
    const jobs = async () =>
      (await ctx.repos.jobs.list({ kind: TIMESTAMP_JOB, limit: 1000 })).filter((j) =>
        j.payload.includes(`"publicationId":${piece.id}`),
      );
    expect(await ctx.repos.proofs.listFor(piece.id)).toEqual([]);
    const [failed] = await jobs();
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed!.lastError).toMatch(/500/);
    tsa.mode = 'garbage';
    clock.advance(3600);
    await drain();
    expect(await ctx.repos.proofs.listFor(piece.id)).toEqual([]);
    const [again] = await jobs();
    expect(again).toMatchObject({ status: 'queued', attempts: 2 });
    expect(again!.lastError).toMatch(/not a TimeStampResp/);
    tsa.mode = 'reply';
    clock.advance(3600);
    await drain();
    expect(await ctx.repos.proofs.listFor(piece.id)).toHaveLength(1);
  });
});

describeEachDatabase('an archive with no time-stamping authority', (db) => {
  let ctx: WiredContext;

  beforeAll(async () => {
    ctx = await testContext(db());
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('queues no proof, and verify reports "not timestamped" without failing', async () => {
    const section = await buildSection(ctx);
    const piece = await buildPublication(ctx, { sectionId: section.id });
    expect(await ctx.repos.jobs.list({ kind: TIMESTAMP_JOB })).toEqual([]);
    const lines: string[] = [];
    const code = await verifyArchive(ctx, `${section.slug}/${piece.slug}`, (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines).toEqual([
      `/${section.slug}/${piece.slug}/: not timestamped`,
      'Verified 1 piece(s) and 0 proof(s): 0 failure(s), 1 not timestamped.',
    ]);
  });
});
