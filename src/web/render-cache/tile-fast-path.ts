import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SceneTileGate } from '../../core/render-cache.ts';
import { TILE_PATH, tileHeaders } from '../../core/scenes.ts';
import { nextRequestId } from '../middleware/request-id.ts';
import { ALWAYS_HEADERS, PUBLIC_CSP } from '../middleware/security-headers.ts';

const TILE_URL = /^\/iiif\/([1-9][0-9]{0,9})\/([^?#]+)$/;
/** Answers kept ready to write, by URL: the hot tiles' bytes and headers. */
const PREPARED_BYTES = 32 * 1024 * 1024;

interface Prepared {
  imageId: number;
  sha256: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A scene's tile written straight from the node request, when the gate knows the scene is public
 * and holds the tile's bytes: no routing, no query, no file read. Anything else (the first tile
 * of a scene, a cold tile, a query string, an odd address) goes to the application, whose route
 * answers it and fills the gate. The answer has the route's headers, byte for byte. Answers are
 * kept ready by URL, and each use asks the gate again whether the scene is still known public.
 */
export function tileFastPath(gate: SceneTileGate) {
  const prepared = new Map<string, Prepared>();
  let preparedBytes = 0;

  const prepare = (url: string): Prepared | undefined => {
    const match = TILE_URL.exec(url);
    if (!match || !TILE_PATH.test(match[2]!)) return undefined;
    const imageId = Number(match[1]);
    const facts = gate.known(imageId);
    const bytes = facts && gate.bytes(facts.sha256, match[2]!);
    if (!facts || !bytes) return undefined;
    const headers: Record<string, string> = {
      ...tileHeaders(imageId, facts.sha256, match[2]!, bytes.byteLength),
      'content-security-policy': PUBLIC_CSP,
    };
    for (const [name, value] of ALWAYS_HEADERS) headers[name.toLowerCase()] = value;
    const entry = { imageId, sha256: facts.sha256, headers, body: Buffer.from(bytes) };
    prepared.set(url, entry);
    preparedBytes += entry.body.byteLength;
    for (const [old, value] of prepared) {
      if (preparedBytes <= PREPARED_BYTES) break;
      prepared.delete(old);
      preparedBytes -= value.body.byteLength;
    }
    return entry;
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (!url.startsWith('/iiif/')) return false;
    let entry = prepared.get(url);
    // Known public now, for the same original: otherwise the route decides (and may prepare).
    if (entry && gate.known(entry.imageId)?.sha256 !== entry.sha256) {
      prepared.delete(url);
      preparedBytes -= entry.body.byteLength;
      entry = undefined;
    }
    entry ??= prepare(url);
    if (!entry) return false;
    res.setHeader('x-request-id', nextRequestId());
    if (req.headers['if-none-match'] === entry.headers.etag) {
      const { 'content-length': _length, ...rest } = entry.headers;
      res.writeHead(304, rest);
      res.end();
      return true;
    }
    res.writeHead(200, entry.headers);
    res.end(method === 'HEAD' ? undefined : entry.body);
    return true;
  };
}
