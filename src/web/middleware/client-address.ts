import type { MiddlewareHandler } from 'hono';
import { clientAddress, trustedProxyList } from '../../core/client-address.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Who sent the request, for rate limits and the audit trail (core/client-address.ts). */
    clientAddress: string | null;
  }
}

/**
 * Resolves the client's address once per request: the socket's peer, or behind a trusted reverse
 * proxy the address it forwarded. Routes read `c.get('clientAddress')`, never a header.
 */
export function clientAddressOf(trusted: readonly string[] = []): MiddlewareHandler {
  const proxies = trustedProxyList(trusted);
  return async (c, next) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
      ?.incoming;
    c.set(
      'clientAddress',
      clientAddress(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), proxies),
    );
    await next();
  };
}
