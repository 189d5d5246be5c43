/**
 * The first field of a multipart form, read without taking it from the body: the bytes read to
 * find it are put back in front of the rest, so whoever reads the body next gets all of it, and
 * the body is still read once, as it arrives. Only the first `maxBytes` are looked at; a form
 * whose first part is a file, or longer, has no first field here.
 */
export async function firstFormField(
  request: Request,
  maxBytes = 16 * 1024,
): Promise<{ field: { name: string; value: string } | null; request: Request }> {
  const boundary = boundaryOf(request.headers.get('Content-Type') ?? '');
  if (!request.body || !boundary) return { field: null, request };
  const reader = request.body.getReader();
  const seen: Uint8Array[] = [];
  let size = 0;
  let field: { name: string; value: string } | null = null;
  let ended = false;
  for (;;) {
    const read = await reader.read();
    if (read.done) {
      ended = true;
      break;
    }
    seen.push(read.value);
    size += read.value.byteLength;
    const found = parseFirstPart(Buffer.concat(seen), boundary);
    if (found !== 'incomplete') {
      field = found;
      break;
    }
    if (size >= maxBytes) break;
  }
  const rest = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        for (const chunk of seen) controller.enqueue(chunk);
        if (ended) controller.close();
      },
      async pull(controller) {
        // A failure of the source (too large, cut off) fails this stream with the same error.
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return { field, request: new Request(request, { body: rest, duplex: 'half' } as RequestInit) };
}

function boundaryOf(contentType: string): string | null {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/**
 * The first part as a field, null when it is not a plain field (a file, or no parts at all), or
 * 'incomplete' while its end has not arrived. Offsets are found in latin1, one char per byte.
 */
function parseFirstPart(
  bytes: Buffer,
  boundary: string,
): { name: string; value: string } | null | 'incomplete' {
  const text = bytes.toString('latin1');
  const open = `--${boundary}\r\n`;
  if (text.length < open.length) return open.startsWith(text) ? 'incomplete' : null;
  if (!text.startsWith(open)) return null;
  const headersEnd = text.indexOf('\r\n\r\n', open.length);
  if (headersEnd < 0) return 'incomplete';
  const valueStart = headersEnd + 4;
  const valueEnd = text.indexOf(`\r\n--${boundary}`, valueStart);
  if (valueEnd < 0) return 'incomplete';
  const disposition = text
    .slice(open.length, headersEnd)
    .split('\r\n')
    .find((line) => /^content-disposition\s*:/i.test(line));
  if (!disposition || /;\s*filename\*?=/i.test(disposition)) return null;
  const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return null;
  return { name, value: bytes.subarray(valueStart, valueEnd).toString('utf8') };
}
