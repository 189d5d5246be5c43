import type { FetchedHop } from './safe-fetch.ts';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * A capture as a WARC/1.1 file (ISO 28500), written with warcio: a `warcinfo` record naming the
 * archive, then for every hop (redirects included) the request as sent and the response as it
 * came, headers and body byte for byte, each record with its own block digest. Any WARC tool
 * (pywb, ReplayWeb.page, warcio itself) reads it. warcio is loaded on the first capture.
 */
export async function writeWarc(
  hops: FetchedHop[],
  software: string,
  at: Date,
): Promise<Uint8Array> {
  const { WARCRecord, WARCSerializer } = await import('warcio');
  const date = at.toISOString();
  const records = [
    WARCRecord.createWARCInfo(
      { filename: 'capture.warc', warcVersion: 'WARC/1.1' },
      { software, format: 'WARC File Format 1.1' },
    ),
  ];
  for (const hop of hops) {
    const url = new URL(hop.url);
    records.push(
      WARCRecord.create(
        {
          url: hop.url,
          date,
          type: 'request',
          warcVersion: 'WARC/1.1',
          statusline: `GET ${url.pathname}${url.search} HTTP/1.1`,
          httpHeaders: Object.fromEntries(hop.requestHeaders),
        },
        once(new Uint8Array()),
      ),
      WARCRecord.create(
        {
          url: hop.url,
          date,
          type: 'response',
          warcVersion: 'WARC/1.1',
          statusline: `HTTP/1.1 ${hop.status} ${hop.statusText}`.trimEnd(),
          httpHeaders: hop.headers,
        },
        once(hop.body),
      ),
    );
  }
  const parts: Uint8Array[] = [];
  for (const record of records) parts.push(await WARCSerializer.serialize(record, { gzip: false }));
  return Buffer.concat(parts);
}
