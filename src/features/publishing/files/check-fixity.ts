import type { Actor } from '../../../core/actor.ts';
import type { AuditTrail } from '../../../core/audit-trail.ts';
import type { Clock, FileStore, Tx } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';

export interface FixityDeps {
  repos: Pick<Repositories, 'files' | 'audit'>;
  files: FileStore;
  clock: Clock;
  audit: AuditTrail;
}

export interface FixityProblem {
  storedFileId: number;
  sha256: string;
  problem: 'missing' | 'changed';
}

export interface FixityResult {
  startedAt: string;
  finishedAt: string;
  checked: number;
  ok: number;
  problems: FixityProblem[];
}

/**
 * Re-hashes every stored file and compares it with the hash it is stored under. An archive that
 * promises to keep evidence for decades has to notice a flipped bit or a lost file before a
 * reader does.
 */
export async function checkFixity(
  deps: FixityDeps,
  onFile: (done: number, total: number) => void = () => {},
): Promise<FixityResult> {
  const startedAt = deps.clock.now().toISOString();
  const stored = await deps.repos.files.listStoredFiles();
  const problems: FixityProblem[] = [];
  let ok = 0;
  for (const [i, file] of stored.entries()) {
    const state = await deps.files.verify(file.sha256);
    if (state === 'ok') ok++;
    else problems.push({ storedFileId: file.id, sha256: file.sha256, problem: state });
    onFile(i + 1, stored.length);
  }
  return {
    startedAt,
    finishedAt: deps.clock.now().toISOString(),
    checked: stored.length,
    ok,
    problems,
  };
}

/** Records a fixity check in the audit trail, problems and all (the first 200 of them). */
export async function recordFixity(
  deps: Pick<FixityDeps, 'audit'>,
  result: FixityResult,
  actor: Actor,
  tx?: Tx,
): Promise<void> {
  await deps.audit.record(
    actor,
    result.problems.length === 0 ? 'fixity.ok' : 'fixity.problems',
    { type: 'storage' },
    {
      startedAt: result.startedAt,
      checked: result.checked,
      ok: result.ok,
      missing: result.problems.filter((p) => p.problem === 'missing').length,
      changed: result.problems.filter((p) => p.problem === 'changed').length,
      problems: result.problems.slice(0, 200),
    },
    tx,
  );
}
