import type { CachedEntry } from '../../core/render-cache.ts';
import { type Encoding, etagFor } from './cached-reply.ts';

/**
 * A cached entry's answers in the form `res.writeHead` takes (a flat list of names and values),
 * made once per entry and encoding rather than on every hit: the same headers `replyFrom` gives,
 * in the same order, so the node listener and the middleware answer alike.
 */
export interface PreparedAnswer {
  /** The 200's headers, the request id still to add. */
  ok: readonly string[];
  /** The 304's: the same less the body's length and encoding. */
  notModified: readonly string[];
  body: Buffer;
}

type PreparedByEncoding = Partial<Record<Encoding, PreparedAnswer>>;

/**
 * Kept by the entry itself, never by its key: an invalidated or replaced entry is a different
 * object, so what was prepared for it can never answer for its successor, and it is dropped with
 * it. The caller still asks the cache for the entry on every request.
 */
const preparedByEntry = new WeakMap<CachedEntry, PreparedByEncoding>();

export function preparedAnswer(
  entry: CachedEntry,
  encoding: Encoding,
  stateHeader: boolean,
): PreparedAnswer {
  let byEncoding = preparedByEntry.get(entry);
  if (!byEncoding) {
    byEncoding = {};
    preparedByEntry.set(entry, byEncoding);
  }
  let answer = byEncoding[encoding];
  if (!answer) {
    answer = prepare(entry, encoding, stateHeader);
    byEncoding[encoding] = answer;
  }
  return answer;
}

function prepare(entry: CachedEntry, encoding: Encoding, stateHeader: boolean): PreparedAnswer {
  // Only asked for an encoding the entry has (chooseEncoding): its copies, once made, never change.
  const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.identity;
  const common: string[] = [];
  for (const [name, value] of entry.headers) common.push(name, value);
  common.push('etag', etagFor(entry, encoding), 'vary', 'Accept-Encoding');
  const ok = [...common];
  if (encoding !== 'identity') ok.push('content-encoding', encoding);
  ok.push('content-length', String(body.byteLength));
  if (stateHeader) {
    ok.push('x-render-cache', 'hit');
    common.push('x-render-cache', 'hit');
  }
  return { ok, notModified: common, body };
}
