import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ValidationError } from '../core/errors.ts';

/** Kept in the export folder: what the last build wrote, by path, with each file's SHA-256. */
export const MANIFEST_FILE = '.dossier-export.json';

interface Manifest {
  format: 1;
  files: Record<string, string>;
}

export interface WriteCounts {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Writes an export incrementally. A file whose bytes hash as the last build's is left alone
 * (its modification time too, so rsync and CDN uploads skip it); a file the last build wrote and
 * this one did not is deleted. Only files named in the manifest are ever deleted, and a folder
 * that holds other things but no manifest is refused rather than mixed into.
 */
export class ExportWriter {
  private readonly previous: Record<string, string>;
  private readonly current = new Map<string, string>();
  readonly counts: WriteCounts = { written: 0, unchanged: 0, removed: 0 };

  private constructor(
    readonly outDir: string,
    previous: Record<string, string>,
  ) {
    this.previous = previous;
  }

  static async open(outDir: string): Promise<ExportWriter> {
    await mkdir(outDir, { recursive: true });
    const manifestPath = join(outDir, MANIFEST_FILE);
    if (!existsSync(manifestPath)) {
      const entries = await readdir(outDir);
      if (entries.length > 0) {
        throw new ValidationError(
          `out: ${outDir} is not empty and holds no earlier export; choose an empty folder`,
        );
      }
      return new ExportWriter(outDir, {});
    }
    const parsed = JSON.parse(await readFile(manifestPath, 'utf8')) as Partial<Manifest>;
    return new ExportWriter(outDir, parsed.format === 1 && parsed.files ? parsed.files : {});
  }

  has(file: string): boolean {
    return this.current.has(file);
  }

  /** Writes `file` (relative, with forward slashes) unless the last build left the same bytes. */
  async write(file: string, body: Uint8Array | string): Promise<void> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const hash = createHash('sha256').update(bytes).digest('hex');
    this.current.set(file, hash);
    const target = join(this.outDir, file);
    if (this.previous[file] === hash && existsSync(target)) {
      this.counts.unchanged++;
      return;
    }
    await mkdir(dirname(target), { recursive: true });
    // Through a temporary name, so a server reading the folder never sees half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
    this.counts.written++;
  }

  /** Keeps the last build's copy of a file this build could not produce, if there is one. */
  keep(file: string): boolean {
    const hash = this.previous[file];
    if (hash === undefined || !existsSync(join(this.outDir, file))) return false;
    this.current.set(file, hash);
    this.counts.unchanged++;
    return true;
  }

  /** Deletes what the last build wrote and this one did not, then records this build. */
  async finish(): Promise<WriteCounts> {
    for (const file of Object.keys(this.previous)) {
      if (this.current.has(file)) continue;
      await unlink(join(this.outDir, file)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      this.counts.removed++;
      await this.removeEmptyFolders(dirname(file));
    }
    const manifest: Manifest = {
      format: 1,
      files: Object.fromEntries([...this.current].sort(([a], [b]) => (a < b ? -1 : 1))),
    };
    await writeFile(join(this.outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    return this.counts;
  }

  /**
   * After a failed build: records every file either build wrote, deleting nothing, so that the
   * next build still knows (and may remove) what this one left.
   */
  async abandon(): Promise<void> {
    const files = { ...this.previous, ...Object.fromEntries(this.current) };
    const manifest: Manifest = { format: 1, files };
    await writeFile(join(this.outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  }

  private async removeEmptyFolders(folder: string): Promise<void> {
    let dir = folder;
    while (dir !== '.' && dir !== '') {
      try {
        await rmdir(join(this.outDir, dir));
      } catch {
        return; // not empty (or already gone): stop climbing
      }
      dir = dirname(dir);
    }
  }
}
