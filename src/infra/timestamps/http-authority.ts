import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type TimestampingConfig } from '../../core/config.ts';
import type { TimestampAuthority } from '../../core/timestamps.ts';
import { checkToken, parseCertificate, timestampRequest, tokenOfReply } from './rfc3161.ts';

const TIMEOUT_MS = 30_000;
/** A reply is a few kilobytes; anything far larger is not one. */
const MAX_REPLY_BYTES = 1_000_000;

/** The CA certificate that checks the authority's answers, read once at start. */
export function readAuthorityCa(caFile: string): ReturnType<typeof parseCertificate> {
  try {
    return parseCertificate(readFileSync(caFile));
  } catch {
    throw new ConfigError(`DOSSIER_TSA_CA_FILE "${caFile}" is not a readable CA certificate`);
  }
}

/**
 * An RFC 3161 authority over HTTP (RFC 3161 section 3.4): the query POSTed as
 * `application/timestamp-query`, the reply read back. A reply is accepted only once checked
 * (granted, our digest and nonce, a signature the CA vouches for); anything else throws, and
 * the job tries again later.
 */
export function httpTimestampAuthority(config: TimestampingConfig): TimestampAuthority {
  const ca = readAuthorityCa(config.caFile);
  return {
    async stamp(data, signal) {
      const { der, nonce } = timestampRequest(createHash('sha256').update(data).digest());
      const response = await fetch(config.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/timestamp-query',
          Accept: 'application/timestamp-reply',
          'User-Agent': 'Dossier time-stamping',
        },
        body: der,
        signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`The time-stamping authority answered ${response.status}`);
      }
      const reply = new Uint8Array(await response.arrayBuffer());
      if (reply.byteLength > MAX_REPLY_BYTES)
        throw new Error('The time-stamping reply is too large');
      const got = tokenOfReply(reply);
      if ('problem' in got) throw new Error(`Time-stamping: ${got.problem}`);
      const check = await checkToken(got.token, data, ca, nonce);
      if (check.problem || !check.genTime) throw new Error(`Time-stamping: ${check.problem}`);
      return { reply, genTime: check.genTime };
    },
  };
}
