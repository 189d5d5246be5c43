import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxyList } from './client-address.ts';

const proxies = trustedProxyList(['127.0.0.1', '10.0.0.0/8', '::1']);

describe('the client’s address behind proxies', () => {
  it('believes X-Forwarded-For only from a trusted proxy, reading its hops from the right', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', proxies)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.7', proxies)).toBe('203.0.113.7');
    // A client's own claim comes first; the proxies' appended hops come after it.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.7, 10.1.2.3', proxies)).toBe(
      '203.0.113.7',
    );
    expect(clientAddress('198.51.100.9', '203.0.113.7', proxies)).toBe('198.51.100.9');
    expect(clientAddress('127.0.0.1', 'not-an-address, 10.0.0.5', proxies)).toBe('10.0.0.5');
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '203.0.113.7', null)).toBe('127.0.0.1');
  });

  it('never lets a peer outside the trusted proxies choose its address', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const outside = fc
      .tuple(fc.integer({ min: 11, max: 126 }), octet, octet, octet)
      .map((parts) => parts.join('.'));
    fc.assert(
      fc.property(outside, fc.string(), (peer, header) => {
        expect(clientAddress(peer, header, proxies)).toBe(peer);
      }),
    );
  });

  it('refuses a list entry that is neither an address nor a range, by name', () => {
    expect(() => trustedProxyList(['10.0.0.0/33'])).toThrow(/"10.0.0.0\/33"/);
    expect(() => trustedProxyList(['proxy.example.org'])).toThrow(/neither an IP address/);
    expect(trustedProxyList([])).toBeNull();
  });
});
