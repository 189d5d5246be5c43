import { BlockList, isIP } from 'node:net';

/**
 * Which peers may say who the client is. Behind a reverse proxy every request arrives from the
 * proxy, so rate limits and the audit trail need the address the proxy saw; but a header is
 * only a claim, and only the operator's own proxies (`DOSSIER_TRUSTED_PROXIES`: addresses and
 * CIDR ranges, comma-separated) are believed. Anyone else's `X-Forwarded-For` is ignored.
 */
export function trustedProxyList(entries: readonly string[]): BlockList | null {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      extra !== undefined ||
      (bits !== undefined && !/^\d{1,3}$/.test(bits)) ||
      (prefix !== null && prefix > max)
    ) {
      throw new RangeError(
        `"${entry}" is neither an IP address nor a CIDR range (e.g. 10.0.0.0/8)`,
      );
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === null) list.addAddress(address!, type);
    else list.addSubnet(address!, prefix, type);
  }
  return list;
}

/** "::ffff:10.0.0.1" is the IPv4 peer 10.0.0.1, as a proxy list names it. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function trusts(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy; then the hops of
 * `X-Forwarded-For` are read from the right (each proxy appends the address it saw) while they
 * are trusted proxies too, and the first that is not is the client. A hop that is not an address
 * ends the walk at the last address known good.
 */
export function clientAddress(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  proxies: BlockList | null,
): string | null {
  if (!peer) return null;
  let client = plain(peer);
  if (!proxies || !trusts(proxies, client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map((h) => plain(h.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusts(proxies, hop)) return client;
  }
  return client;
}
