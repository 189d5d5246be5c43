import { createHash } from 'node:crypto';
import type { Publication } from '../../../core/entities.ts';
import type { PublicationProof } from '../../../core/repositories/proofs-repository.ts';
import type { Repositories } from '../../../core/repositories.ts';
import { TIMESTAMP_JOB, type TimestampPayload, type TokenCheck } from '../../../core/timestamps.ts';
import type { ReadingRepos } from '../../reading/index.ts';
import { currentPublicRecord } from './public-record.ts';

/** Checks an authority's reply against the bytes it should stamp, offline, with the CA. */
export type TokenChecker = (reply: Uint8Array, record: Uint8Array) => Promise<TokenCheck>;

export interface ProofFinding {
  /** The piece's address, or its id when it has none. */
  piece: string;
  message: string;
}

export interface ProofsReport {
  pieces: number;
  proofs: number;
  failures: ProofFinding[];
  /** Public pieces with no proof yet: reported, not failed (no authority, or before one). */
  notTimestamped: ProofFinding[];
}

type VerifyRepos = ReadingRepos & Pick<Repositories, 'proofs' | 'jobs' | 'captures'>;

/**
 * Checks every proof offline: the record's text still hashes to the stored hash, the token stamps
 * that hash, and its signature verifies with the CA. An earlier version need not match what is
 * public now (that is what versions are); but when the latest proof is not the public record of
 * today and no timestamp job is waiting to stamp it, the piece "changed since its last
 * timestamp": something changed it without the proof that a change queues. A public piece with no
 * proof at all is "not timestamped": an archive without an authority, or pieces published before
 * one was configured, are not failures.
 */
export async function verifyProofs(
  repos: VerifyRepos,
  checkToken: TokenChecker | null,
  pieces: Publication[],
  now: Date,
): Promise<ProofsReport> {
  const report: ProofsReport = {
    pieces: pieces.length,
    proofs: 0,
    failures: [],
    notTimestamped: [],
  };
  const pending = await pendingStamps(repos);
  const sections = new Map((await repos.sections.list()).map((s) => [s.id, s.slug]));
  for (const piece of pieces) {
    const name = `/${sections.get(piece.sectionId) ?? '?'}/${piece.slug}/`;
    const proofs = await repos.proofs.listFor(piece.id);
    report.proofs += proofs.length;
    if (proofs.length === 0) {
      report.notTimestamped.push({ piece: name, message: 'not timestamped' });
      continue;
    }
    let latestSound = false;
    for (const proof of proofs) {
      const problem = await proofProblem(proof, checkToken);
      if (problem) {
        report.failures.push({ piece: name, message: `version ${proof.version}: ${problem}` });
      }
      latestSound = problem === null;
    }
    // A latest proof that is itself broken has said so: it is compared with nothing.
    const latest = proofs.at(-1);
    const current = latest && latestSound ? await currentPublicRecord(repos, piece.id, now) : null;
    if (latest && current !== null && current !== latest.record && !pending.has(piece.id)) {
      report.failures.push({
        piece: name,
        message: `changed since its last timestamp (version ${latest.version})`,
      });
    }
  }
  return report;
}

async function proofProblem(
  proof: PublicationProof,
  checkToken: TokenChecker | null,
): Promise<string | null> {
  const bytes = Buffer.from(proof.record, 'utf8');
  if (createHash('sha256').update(bytes).digest('hex') !== proof.sha256) {
    return 'the record does not match its stored hash';
  }
  if (!checkToken) return 'no CA certificate to check the token with (DOSSIER_TSA_CA_FILE)';
  const check = await checkToken(Buffer.from(proof.reply, 'base64'), bytes);
  return check.problem;
}

/** Pieces whose timestamp is queued or running: their latest version is on its way. */
async function pendingStamps(repos: Pick<Repositories, 'jobs'>): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const status of ['queued', 'running'] as const) {
    for (const job of await repos.jobs.list({ status, kind: TIMESTAMP_JOB, limit: 100_000 })) {
      const { publicationId } = JSON.parse(job.payload) as Partial<TimestampPayload>;
      if (typeof publicationId === 'number') ids.add(publicationId);
    }
  }
  return ids;
}
