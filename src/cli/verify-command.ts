import { createContext, type WiredContext } from '../context.ts';
import type { Publication } from '../core/entities.ts';
import type { FixityProblem } from '../features/publishing/files/check-fixity.ts';
import { checkFixity } from '../features/publishing/files/check-fixity.ts';
import { type TokenChecker, verifyProofs } from '../features/publishing/proof/verify-proofs.ts';
import { readAuthorityCa } from '../infra/timestamps/http-authority.ts';
import { checkReply } from '../infra/timestamps/rfc3161.ts';
import { type Command, parseOptions } from './command.ts';
import { commandConfig } from './command-config.ts';
import { UsageError } from './user-error.ts';

type Ctx = WiredContext;

export const verifyCommand: Command = {
  usage: `Usage: dossier verify [--publication <slug>]

Checks the archive offline: every stored file against its SHA-256, and every proof of what was
published when (the record against its hash, the RFC 3161 token against the record and the CA
certificate in DOSSIER_TSA_CA_FILE, and the latest proof against what the public sees now).
Prints one line per failure and a summary; exits 1 if there is any failure. A public piece with
no proof is reported as "not timestamped", which is not a failure.`,
  async run(args) {
    const { values } = parseOptions(args, { publication: { type: 'string' } });
    const ctx = await createContext(commandConfig('existing'));
    try {
      return await verifyArchive(ctx, values.publication ?? null, (line) =>
        process.stdout.write(`${line}\n`),
      );
    } finally {
      await ctx.close();
    }
  },
};

/** The check itself, over an open context: the exit code, with each line handed to `out`. */
export async function verifyArchive(
  ctx: Ctx,
  publication: string | null,
  out: (line: string) => void,
): Promise<number> {
  const now = ctx.clock.now();
  const pieces = publication
    ? [await pieceBySlug(ctx, publication)]
    : await everyPieceWithProof(ctx, now);
  const fileProblems =
    publication && pieces[0]
      ? await fixityOf(ctx, pieces[0].id)
      : (await checkFixity(ctx)).problems;
  const caFile = ctx.config.timestamping?.caFile;
  const ca = caFile ? readAuthorityCa(caFile) : null;
  const checker: TokenChecker | null = ca ? (reply, record) => checkReply(reply, record, ca) : null;
  const report = await verifyProofs(ctx.repos, checker, pieces, now);
  for (const p of fileProblems) out(`${p.problem}: stored file ${p.storedFileId} (${p.sha256})`);
  for (const f of report.failures) out(`${f.piece}: ${f.message}`);
  for (const n of report.notTimestamped) out(`${n.piece}: ${n.message}`);
  const failures = fileProblems.length + report.failures.length;
  out(
    `Verified ${report.pieces} piece(s) and ${report.proofs} proof(s): ${failures} failure(s), ` +
      `${report.notTimestamped.length} not timestamped.`,
  );
  return failures > 0 ? 1 : 0;
}

/** `section/slug`, or a slug alone when only one piece holds it. */
async function pieceBySlug(ctx: Ctx, given: string): Promise<Publication> {
  const [sectionSlug, slug] = given.includes('/') ? given.split('/') : [null, given];
  const found = (await ctx.repos.publications.findAllBySlug(slug ?? '')).filter(
    (p) => p.deletedAt === null,
  );
  const sections = await ctx.repos.sections.list();
  const matching = sectionSlug
    ? found.filter((p) => sections.find((s) => s.id === p.sectionId)?.slug === sectionSlug)
    : found;
  if (matching.length === 1 && matching[0]) return matching[0];
  throw new UsageError(
    matching.length === 0
      ? `No publication "${given}"`
      : `Several publications are called "${given}": name one as section/slug`,
  );
}

/** Every piece the public sees now, and every piece that once had a proof (withdrawn since). */
async function everyPieceWithProof(ctx: Ctx, now: Date): Promise<Publication[]> {
  const pieces = new Map<number, Publication>();
  for (const p of await ctx.repos.catalog.first({ includePages: true }, 1_000_000, now)) {
    pieces.set(p.id, p);
  }
  for (const proof of await ctx.repos.proofs.all()) {
    if (pieces.has(proof.publicationId)) continue;
    const p = await ctx.repos.publications.findById(proof.publicationId);
    if (p) pieces.set(p.id, p);
  }
  return [...pieces.values()].sort((a, b) => a.id - b.id);
}

/** The stored files of one piece, re-hashed. */
async function fixityOf(ctx: Ctx, publicationId: number): Promise<FixityProblem[]> {
  const problems: FixityProblem[] = [];
  for (const a of await ctx.repos.files.attachmentsOf([publicationId])) {
    const state = await ctx.files.verify(a.file.sha256);
    if (state !== 'ok')
      problems.push({ storedFileId: a.file.id, sha256: a.file.sha256, problem: state });
  }
  return problems;
}
