import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitProgress } from '../support/progress-lines.ts';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-build-cli-'));
const env = { DATA_DIR: join(dir, 'data'), PUBLIC_URL: 'https://archive.example.org' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier build', () => {
  // A build reads an archive that exists: set-up commands alone create one.
  beforeAll(async () => {
    expect((await runCli(['migrate'], env)).code).toBe(0);
  });

  it('writes the site, then rewrites only what changed', async () => {
    const out = join(dir, 'site');
    const first = await runCli(['build', '--out', out], env, 120_000);
    const { progress, other } = splitProgress(first.stderr);
    expect(other).toEqual([]);
    expect(progress.at(-1)).toMatch(/^building: (\d+)\/\1 files {2}\/\S*$/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Exported \d+ pages .* pages per second\./);
    expect(first.stdout).toMatch(/Files: \d+ written, 0 unchanged, 0 removed\./);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Content-Security-Policy');
    expect(existsSync(join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    const second = await runCli(['build', '--out', out], env, 120_000);
    expect(second.code).toBe(0);
    // Only the empty archive's feeds change, in both interface languages: a feed with no entries
    // dates itself by the clock.
    const [, written] = /Files: (\d+) written, [1-9]\d* unchanged, 0 removed\./.exec(
      second.stdout,
    )!;
    expect(Number(written)).toBeLessThanOrEqual(6);
  }, 240_000);

  it('refuses a folder that holds other files and no earlier export', async () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'keep me');
    const r = await runCli(['build', '--out', other], env, 120_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dossier: .*is not empty and holds no earlier export/);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('keep me');
  }, 120_000);

  it('asks where to write', async () => {
    const r = await runCli(['build'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dossier: Say where to write the site/);
  });
});
