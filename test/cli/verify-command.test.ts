import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/cli/job-runners.ts';
import { createContext } from '../../src/context.ts';
import { loadConfig } from '../../src/core/config.ts';
import { TIMESTAMP_JOB } from '../../src/core/timestamps.ts';
import { buildPublication, buildSection } from '../support/factories.ts';
import { type LocalTsa, startLocalTsa } from '../support/local-tsa.ts';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-verify-'));
const env = { DATA_DIR: join(dir, 'data') };
let tsa: LocalTsa;
let tsaEnv: Record<string, string>;

beforeAll(async () => {
  tsa = await startLocalTsa();
  // The CA certificate outlives the authority: verifying needs no authority at all.
  const caFile = join(dir, 'tsa-ca.pem');
  copyFileSync(tsa.caFile, caFile);
  tsaEnv = { ...env, DOSSIER_TSA_URL: tsa.url, DOSSIER_TSA_CA_FILE: caFile };
  const ctx = await createContext(loadConfig(tsaEnv));
  try {
    const section = await buildSection(ctx, { slug: 'reports' });
    await buildPublication(ctx, { sectionId: section.id, slug: 'stamped' });
    await createJobRunner(ctx, { kinds: [TIMESTAMP_JOB] }).drain();
  } finally {
    await ctx.close();
  }
}, 60_000);

afterAll(async () => {
  await tsa?.close();
  rmSync(dir, { recursive: true, force: true });
});

// The real binary, as an operator runs it.
describe('dossier verify', { timeout: 120_000 }, () => {
  it('passes on a clean archive, offline', async () => {
    await tsa.close();
    const result = await runCli(['verify', '--publication', 'reports/stamped'], tsaEnv);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      'Verified 1 piece(s) and 1 proof(s): 0 failure(s), 0 not timestamped.\n',
    );
    expect(result.code).toBe(0);
  });

  it('refuses an authority without its CA certificate', async () => {
    const result = await runCli(['verify'], { ...env, DOSSIER_TSA_URL: 'http://127.0.0.1:9/' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DOSSIER_TSA_URL and DOSSIER_TSA_CA_FILE must be set together/);
  });
});
