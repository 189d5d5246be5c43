import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { ValidationError } from '../../../core/errors.ts';

/** A body that went past its limit while it was being read. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

export interface StreamedFile {
  fileName: string;
  /**
   * The file's bytes as they arrive. They end only once the whole form has arrived intact, so a
   * store that keeps what it read when they end never keeps a file from a cut-off upload.
   */
  bytes: AsyncIterable<Uint8Array>;
}

const CUT_OFF = 'The upload did not arrive whole. Try again.';

/**
 * Reads a multipart upload form as it arrives, never holding the file: the fields before the
 * file are collected, then the file (the part named `file`) is handed to `store` as a stream.
 * The form sends its fields first for that reason; a field after the file is refused, since
 * the file is already stored by then. A file that `store` refuses (its type, its size) is read
 * to the end and dropped, so the browser still gets the answer. Returns null for `stored` when
 * no file was chosen.
 */
export async function readStreamedUpload<T>(
  request: Request,
  store: (file: StreamedFile, fields: ReadonlyMap<string, string>) => Promise<T>,
): Promise<{ fields: Map<string, string>; stored: T | null }> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!request.body || !type.includes('multipart/form-data'))
    throw new ValidationError('Send the file from the upload form.');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      // Browsers send file names in UTF-8 (Korean ones too), not busboy's default latin1.
      defParamCharset: 'utf8',
      limits: { files: 1, fields: 20, parts: 21, fieldSize: 64 * 1024, headerPairs: 20 },
    });
  } catch {
    throw new ValidationError('Send the file from the upload form.');
  }

  const fields = new Map<string, string>();
  let stored: Promise<T> | null = null;
  // What is wrong with the form itself, found while the file may still be streaming.
  let refused: Error | null = null;
  const refuse = (message: string) => {
    refused ??= new ValidationError(message);
  };
  const formRead = pipeline(Readable.fromWeb(request.body as never), parser).then(
    () => null,
    (error: unknown) => uploadError(error),
  );

  parser.on('field', (name: string, value: string, info: busboy.FieldInfo) => {
    if (stored) refuse('Send the file last in the form.');
    else if (info.valueTruncated) refuse(`The field ${name} is too long.`);
    // A repeated field (a multiple choice) is kept as its values joined by commas.
    else fields.set(name, fields.has(name) ? `${fields.get(name)},${value}` : value);
  });
  parser.on('file', (name: string, stream: Readable, info: busboy.FileInfo) => {
    if (name !== 'file' || !info.filename) {
      // An empty file input still sends its part, without a name or bytes.
      stream.resume();
      return;
    }
    const bytes = async function* () {
      try {
        // Not destroyed when the store stops reading early: the rest is drained below instead.
        yield* stream.iterator({ destroyOnReturn: false });
      } catch (error) {
        // The body failed mid-file (cut off, too large): the form's reading says how.
        throw (await formRead) ?? uploadError(error);
      }
      const broken = (await formRead) ?? refused;
      if (broken) throw broken;
    };
    stored = store({ fileName: info.filename, bytes: bytes() }, new Map(fields));
    stored.catch(() => stream.resume());
  });
  for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'])
    parser.on(limit, () => refuse('Send one file with the upload form.'));

  const broken = await formRead;
  if (stored) return { fields, stored: await stored };
  if (broken ?? refused) throw broken ?? refused;
  return { fields, stored: null };
}

/** A failure of the body as an answer: too large stays itself, anything else was cut off. */
function uploadError(error: unknown): Error {
  if (error instanceof BodyTooLargeError || error instanceof ValidationError) return error;
  return new ValidationError(CUT_OFF);
}
