import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext } from '../../../core/app-context.ts';
import { audienceOf } from '../api-reading.ts';
import { authenticateToken, InvalidTokenError, tokenActor } from '../api-tokens.ts';
import { type ApiEnv, ApiProblem, requesterAddress } from './api-env.ts';
import { type RateLimit, RateLimiter } from './api-rate-limit.ts';

export interface ApiLimits {
  /** Requests per window from one address, with or without a token. */
  address: RateLimit;
  /** Requests per window with one token, from anywhere. */
  token: RateLimit;
}

export const DEFAULT_LIMITS: ApiLimits = {
  address: { limit: 600, windowMs: 60_000 },
  token: { limit: 1200, windowMs: 60_000 },
};

/** JSON bodies: a publication's Markdown may be 2,000,000 characters, up to 4 bytes each. */
export const JSON_LIMIT = 9 * 1024 * 1024;
/** Uploads stream into the file store, which enforces the same limit as it writes. */
export const UPLOAD_LIMIT = 200 * 1024 * 1024;

/**
 * CORS is open for anonymous reads (any site may show the archive's public data) and closed for
 * everything else: a preflight for a write, or for a read carrying a token, gets no CORS
 * headers, so no other site's script can use a reader's token.
 */
export function apiCors(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const read = (m: string | undefined) => m === 'GET' || m === 'HEAD';
    if (c.req.method === 'OPTIONS') {
      const method = c.req.header('Access-Control-Request-Method');
      const headers = (c.req.header('Access-Control-Request-Headers') ?? '').toLowerCase();
      if (read(method) && !/\bauthorization\b/.test(headers)) {
        return c.body(null, 204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, HEAD',
          'Access-Control-Allow-Headers': 'If-None-Match, Accept',
          'Access-Control-Max-Age': '600',
        });
      }
      return c.body(null, 204);
    }
    await next();
    c.res.headers.append('Vary', 'Authorization');
    if (read(c.req.method) && !c.req.header('Authorization')) {
      c.res.headers.set('Access-Control-Allow-Origin', '*');
      c.res.headers.set('Access-Control-Expose-Headers', 'ETag, Retry-After, Link');
      // The site's same-origin resource policy would stop other sites reading public data.
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    }
  };
}

/**
 * Counts the request against its address, then finds the token (if any) and counts it against
 * the token. A missing token is an anonymous reader; a wrong one is a 401, never anonymous.
 */
export function apiCaller(app: AppContext, limits: ApiLimits): MiddlewareHandler<ApiEnv> {
  const limiter = new RateLimiter(() => app.clock.now().getTime());
  const limited = (seconds: number, what: string) =>
    new ApiProblem(
      'rate-limited',
      `Too many requests from this ${what}. Try again in ${seconds} seconds.`,
      { retryAfter: seconds },
      { 'Retry-After': String(seconds) },
    );
  return async (c, next) => {
    const ip = requesterAddress(c);
    const byAddress = limiter.hit(`address:${ip ?? 'unknown'}`, limits.address);
    if (byAddress > 0) throw limited(byAddress, 'address');
    const header = c.req.header('Authorization');
    if (header === undefined) {
      c.set('caller', {
        auth: null,
        audience: { kind: 'public' },
        ip,
        actor: { userId: null, label: 'API (anonymous)', ip, mayPublish: false },
      });
      return next();
    }
    const secret = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header)?.[1];
    const unauthorized = (detail: string) =>
      new ApiProblem(
        'unauthorized',
        detail,
        {},
        { 'WWW-Authenticate': 'Bearer realm="dossier", error="invalid_token"' },
      );
    if (!secret) throw unauthorized('Send the token as Authorization: Bearer <token>.');
    let auth: Awaited<ReturnType<typeof authenticateToken>>;
    try {
      auth = await authenticateToken(app, secret, ip);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw unauthorized('This token is unknown, revoked, or its account is disabled.');
      }
      throw error;
    }
    const byToken = limiter.hit(`token:${auth.token.id}`, limits.token);
    if (byToken > 0) throw limited(byToken, 'token');
    c.set('caller', { auth, audience: audienceOf(auth), ip, actor: tokenActor(auth, ip) });
    return next();
  };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAYBE_FORBIDDEN = /__proto__|constructor|prototype|\\u/;

/**
 * JSON bodies: the right media type, a size limit, valid JSON, and no key that could reach an
 * object's prototype anywhere in it. The zod schema then checks the shape, strictly.
 */
export function jsonBody(): MiddlewareHandler<ApiEnv> {
  const limit = bodyLimit({
    maxSize: JSON_LIMIT,
    onError: () => {
      throw new ApiProblem('too-large', `A JSON body may hold at most ${JSON_LIMIT} bytes.`);
    },
  });
  return async (c, next) => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
      throw new ApiProblem('unsupported-media-type', 'Send the body as application/json.');
    }
    return limit(c, async () => {
      const text = await c.req.text();
      let bad: string | null = null;
      try {
        // A reviver is called for every value, which costs more than the parse itself; a key can
        // only be one of these if its name is in the text as it is or written with \u escapes.
        if (!MAYBE_FORBIDDEN.test(text)) JSON.parse(text);
        else {
          JSON.parse(text, (key, value) => {
            if (bad === null && FORBIDDEN_KEYS.has(key)) bad = key;
            return value;
          });
        }
      } catch {
        throw new ApiProblem('malformed-json', 'The body could not be read as JSON.');
      }
      if (bad !== null) {
        throw new ApiProblem('forbidden-key', `The key "${bad}" is not accepted anywhere.`, {
          issues: [{ path: bad, message: 'Not an accepted key' }],
        });
      }
      await next();
    });
  };
}

/**
 * Uploads: a declared length over the limit is refused before a byte is read; otherwise the
 * bytes stream straight into the file store, which stops at the same limit as it writes
 * (hono's bodyLimit would hold a chunked upload in memory).
 */
export function uploadBody(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length !== undefined && Number(length) > UPLOAD_LIMIT) {
      throw new ApiProblem('too-large', 'A file may be at most 200 MB.');
    }
    return next();
  };
}
