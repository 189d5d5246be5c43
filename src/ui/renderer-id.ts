import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('..', import.meta.url));
const LOCKFILE = join(SOURCE, '..', 'package-lock.json');

let codeHash: string | null = null;

/**
 * Names what stored pages were rendered by: this version of the code (every source file, and
 * the locked dependencies, such as the Markdown renderer) and the public URL their links use.
 * Pages stored by another version are rendered again, so an upgrade never serves old markup.
 */
export function rendererId(publicUrl: string): string {
  codeHash ??= hashCode();
  return `${codeHash}:${publicUrl}`;
}

function hashCode(): string {
  const hash = createHash('sha256');
  const files = sourceFiles(SOURCE).sort();
  for (const file of files) hash.update(file.slice(SOURCE.length)).update(readFileSync(file));
  if (existsSync(LOCKFILE)) hash.update(readFileSync(LOCKFILE));
  return hash.digest('base64url').slice(0, 22);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|js|json)$/.test(entry.name) ? [path] : [];
  });
}
