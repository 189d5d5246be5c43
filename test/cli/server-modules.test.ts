import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Loads the `serve` command's module graph in a fresh process and lists the packages it
 * resolved (a resolve hook sees every import, ESM or CommonJS).
 */
function packagesLoadedBy(module: string): string[] {
  const script = `
    import { register } from 'node:module';
    import { register as tsx } from 'tsx/esm/api';
    tsx();
    register('data:text/javascript,' + encodeURIComponent(\`
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        const m = r.url.match(/node_modules\\\\/((?:@[^/]+\\\\/)?[^/]+)\\\\//);
        if (m) process.stdout.write('PKG ' + m[1] + '\\\\n');
        return r;
      }\`));
    await import(${JSON.stringify(module)});
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  return [...new Set(out.split('\n').flatMap((l) => (l.startsWith('PKG ') ? [l.slice(4)] : [])))];
}

describe('what a server process loads', () => {
  it('loads the web framework and SQLite, but not the PostgreSQL driver or the back office’s rarely used libraries', () => {
    const loaded = packagesLoadedBy('./src/cli/serve-command.ts');
    expect(loaded).toEqual(expect.arrayContaining(['hono', 'better-sqlite3', 'kysely']));
    for (const lazy of [
      'pg',
      '@simplewebauthn/server',
      'qrcode',
      'pdfkit',
      'turndown',
      'cheerio',
      'saxes',
    ]) {
      expect(loaded, lazy).not.toContain(lazy);
    }
  }, 60_000);
});
