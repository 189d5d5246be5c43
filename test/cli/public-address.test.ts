import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, untilServing } from '../support/live-server.ts';
import { BIN, runCli } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'dossier-public-address-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * An operator runs `dossier user add` on the server's machine without PUBLIC_URL in that shell:
 * the link it prints must point at the running site, which the server recorded when it started.
 */
describe('the public address a command prints links with', () => {
  it('is the one the running server recorded, unless the command is given its own', async () => {
    const env = { DATA_DIR: join(dir, 'data') };
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        PORT: String(port),
        PUBLIC_URL: 'https://archive.example.org',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await untilServing(server);
      const add = await runCli(
        ['user', 'add', '--email', 'a@example.org', '--role', 'editor'],
        env,
      );
      expect(add.code, add.stderr).toBe(0);
      expect(add.stdout).toMatch(/^https:\/\/archive\.example\.org\/admin\/setup\//m);
      const own = await runCli(['user', 'setup-link', '--email', 'a@example.org'], {
        ...env,
        PUBLIC_URL: 'https://elsewhere.example.net',
      });
      expect(own.stdout).toMatch(/^https:\/\/elsewhere\.example\.net\/admin\/setup\//m);
    } finally {
      server.kill('SIGKILL');
    }
  }, 120_000);
});
