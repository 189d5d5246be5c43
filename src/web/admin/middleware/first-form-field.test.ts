import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFormField } from './first-form-field.ts';

const BOUNDARY = '----form-boundary-7MA4YWxk';

/** A request whose body arrives in the given pieces. */
function requestInPieces(body: Uint8Array, cuts: number[]): Request {
  const points = [...new Set(cuts.map((c) => c % (body.byteLength + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const at of [...points, body.byteLength]) {
    if (at > from) pieces.push(body.subarray(from, at));
    from = at;
  }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return new Request('https://archive.example.org/admin/upload', {
    method: 'POST',
    body: stream,
    headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
    duplex: 'half',
  } as RequestInit);
}

const part = (name: string, value: string, fileName?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${
    fileName === undefined ? '' : `; filename="${fileName}"`
  }\r\n\r\n${value}\r\n`;

describe('the first field of a multipart form', () => {
  it('is found however the body is cut, and the body reads back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 0, maxLength: 80 }).filter((s) => !s.includes('\r\n--')),
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (token, fileBytes, cuts) => {
          const body = Buffer.concat([
            Buffer.from(part('_csrf', token) + part('file', '', 'a.pdf').slice(0, -2)),
            fileBytes,
            Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
          ]);
          const { field, request } = await firstFormField(requestInPieces(body, cuts));
          expect(field).toEqual({ name: '_csrf', value: token });
          expect(Buffer.from(await request.arrayBuffer()).equals(body)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is none when the form starts with a file, or its first part is longer than the look', async () => {
    const withFile = Buffer.from(`${part('file', '%PDF-1.7', 'a.pdf')}--${BOUNDARY}--\r\n`);
    const first = await firstFormField(requestInPieces(withFile, [10]));
    expect(first.field).toBeNull();
    expect(Buffer.from(await first.request.arrayBuffer()).equals(withFile)).toBe(true);

    const long = Buffer.from(`${part('_csrf', 'x'.repeat(40_000))}--${BOUNDARY}--\r\n`);
    const looked = await firstFormField(requestInPieces(long, [1000, 2000, 20_000]), 4096);
    expect(looked.field).toBeNull();
    expect(Buffer.from(await looked.request.arrayBuffer()).equals(long)).toBe(true);
  });
});
