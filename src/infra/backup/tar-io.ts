import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import tar from 'tar-stream';
import { DamagedArchiveError } from '../../core/backup/backup-errors.ts';

/**
 * A tar written entry by entry, each streamed with back-pressure; tar-stream needs the size of
 * an entry before its bytes, which every part of an export knows.
 */
export function tarWriter(path: string, mtime: Date) {
  const pack = tar.pack();
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
    pack.on('error', reject);
  });
  // Awaited in finish(); an aborted archive must not surface as an unhandled rejection.
  done.catch(() => {});
  pack.pipe(out);
  return {
    async entry(
      name: string,
      size: number,
      source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    ): Promise<void> {
      let failed: Error | null = null;
      const finished = new Promise<void>((resolve, reject) => {
        const stream = pack.entry({ name, size, mode: 0o600, mtime }, (error) =>
          error ? reject(error) : resolve(),
        );
        (async () => {
          for await (const chunk of source) {
            if (!stream.write(chunk)) await once(stream as never, 'drain');
          }
          (stream as NodeJS.WritableStream).end();
        })().catch((error: Error) => {
          failed = error;
          stream.destroy(error);
          reject(error);
        });
      });
      await finished;
      if (failed) throw failed;
    },
    async finish(): Promise<void> {
      pack.finalize();
      await done;
    },
    abort(): void {
      pack.destroy();
      out.destroy();
    },
  };
}

export interface TarEntry {
  name: string;
  size: number;
  type: string;
  body: AsyncIterable<Uint8Array>;
}

/** The entries of a tar file in order; a truncated or malformed tar ends in a DamagedArchiveError. */
export async function* readTar(path: string): AsyncIterable<TarEntry> {
  const extract = tar.extract();
  const input = createReadStream(path);
  input.on('error', (error) => extract.destroy(error));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const h = entry.header;
      yield {
        name: h.name,
        size: h.size ?? 0,
        type: h.type ?? 'file',
        body: damagedOnError(entry as unknown as AsyncIterable<Uint8Array>),
      };
      entry.resume();
    }
  } catch (error) {
    throw asDamaged(error);
  } finally {
    input.destroy();
  }
}

async function* damagedOnError(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    throw asDamaged(error);
  }
}

/** tar-stream's own errors (a cut-off entry, a bad header checksum) mean a damaged archive. */
function asDamaged(error: unknown): unknown {
  if (error instanceof DamagedArchiveError || (error as { code?: string }).code === 'ENOENT') {
    return error;
  }
  if (
    !(error instanceof Error) ||
    /^Unexpected end of data|Invalid tar header|size mismatch/i.test(error.message) === false
  ) {
    return error;
  }
  return new DamagedArchiveError(
    `The archive is damaged or truncated (${error.message}); nothing was restored.`,
  );
}
