import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATA_DIR: dir, PUBLIC_URL: 'https://archive.example.org' };

describe('dossier user', () => {
  // Accounts are added to an archive that exists: set-up commands alone create one.
  beforeAll(async () => {
    expect((await runCli(['migrate'], env)).code).toBe(0);
  });

  it('adds an account and prints a one-time set-up link under PUBLIC_URL', async () => {
    const r = await runCli(
      ['user', 'add', '--email', 'Editor@Example.org', '--role', 'editor'],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added editor@example.org (editor).');
    expect(r.stdout).toMatch(/^https:\/\/archive\.example\.org\/admin\/setup\/[A-Za-z0-9_-]{43}$/m);
  });

  it('prints a new set-up link for an existing account', async () => {
    const r = await runCli(['user', 'setup-link', '--email', 'editor@example.org'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\/admin\/setup\/[A-Za-z0-9_-]{43}/);
  });

  it('refuses a second account with the same address, and a missing role, in one line', async () => {
    const again = await runCli(
      ['user', 'add', '--email', 'editor@example.org', '--role', 'admin'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('dossier: email: A user with this address exists');
    const noRole = await runCli(['user', 'add', '--email', 'x@example.org'], env);
    expect(noRole.code).toBe(1);
    expect(noRole.stderr).toMatch(/^dossier: Give --role, one of admin, editor, contributor\n$/);
  });
});
