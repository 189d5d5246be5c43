import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import type { AppContext } from '../../../core/app-context.ts';
import { assetManifest } from '../../../ui/assets.ts';
import { entityRoutes } from './api-entity-routes.ts';
import { type ApiEnv, ApiProblem } from './api-env.ts';
import { apiErrorAnswer, validationHook } from './api-errors.ts';
import { geoJsonRoutes } from './api-geojson-routes.ts';
import {
  type ApiLimits,
  apiCaller,
  apiCors,
  DEFAULT_LIMITS,
  jsonBody,
  uploadBody,
} from './api-guards.ts';
import { publicationRoutes } from './api-publication-routes.ts';
import { searchRoutes } from './api-search-routes.ts';
import { tokenBeforeBody } from './authorize.ts';
import { PROBLEMS, type ProblemType } from './problem.ts';
import { ReferencePage } from './reference-page.tsx';

export const API_VERSION = '1.0.0';

const DESCRIPTION = [
  "Dossier's archive as data. Anonymous callers read what the public site shows, under the same rule; a token (made by an admin in the back office, tied to one account) adds scopes: read-drafts, write and publish. The account's role still bounds what its tokens can do.",
  'Send a token as `Authorization: Bearer <token>`. Reads answer with an ETag (send If-None-Match for a 304). CORS is open for anonymous reads and closed for everything else. Requests are limited per address and per token; a 429 says how long to wait in Retry-After.',
].join('\n\n');

/** Reads revalidate cheaply: the ETag is a hash of the body (or a file's SHA-256). */
function readCaching(): MiddlewareHandler<ApiEnv> {
  const tag = etag();
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    await tag(c, next);
    if (c.res.status === 200 || c.res.status === 304) {
      c.res.headers.set(
        'Cache-Control',
        c.get('caller')?.auth ? 'private, no-cache' : 'public, max-age=0, must-revalidate',
      );
    }
  };
}

/** The JSON API at /api/v1, its OpenAPI document and its reference page. */
export function apiApp(app: AppContext, options: { limits?: ApiLimits } = {}): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  api.use('/api/v1/*', apiCors());
  api.use('/api/v1/*', apiCaller(app, options.limits ?? DEFAULT_LIMITS));
  api.use('/api/v1/*', readCaching());
  // Who is writing is known before what they write: no body is read for a caller without a token.
  const token = tokenBeforeBody();
  api.on('POST', '/api/v1/publications/:id/files', token);
  api.use('/api/v1/publications/:id/files', uploadBody());
  // JSON bodies are checked where a route takes one, so a wrong method still meets its 405.
  const json = jsonBody();
  const jsonRoutes: Array<[string, 'POST' | 'PUT']> = [
    ['/api/v1/publications', 'POST'],
    ['/api/v1/publications/:id', 'PUT'],
    ['/api/v1/publications/:id/publish', 'POST'],
    ['/api/v1/publications/:id/withdraw', 'POST'],
    ...(['people', 'topics', 'places'] as const).flatMap(
      (kind): Array<[string, 'POST' | 'PUT']> => [
        [`/api/v1/${kind}`, 'POST'],
        [`/api/v1/${kind}/:id`, 'PUT'],
      ],
    ),
  ];
  for (const [path, method] of jsonRoutes) api.on(method, path, token, json);

  api.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from the back office (Tokens), starting with dsr_.',
  });
  publicationRoutes(app, api);
  geoJsonRoutes(app, api);
  entityRoutes(app, api);
  searchRoutes(app, api);

  const document = () =>
    api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Dossier API', version: API_VERSION, description: DESCRIPTION },
    });

  api.get('/api/v1/openapi.json', (c) => c.json(document()));
  api.get('/api/v1/docs', (c) => {
    const css = assetManifest().css;
    const page = ReferencePage({ doc: document() as never, css });
    return c.html(`<!DOCTYPE html>${page}`);
  });
  api.get('/api/v1/problems/:type', (c) => {
    const type = c.req.param('type');
    if (!(type in PROBLEMS)) throw new ApiProblem('not-found', 'No such problem type.');
    return c.redirect(`/api/v1/docs#problem-${type as ProblemType}`, 303);
  });
  let templates: Array<{ pattern: RegExp; methods: string[] }> | null = null;
  api.all('/api/v1/*', (c) => {
    templates ??= Object.entries(document().paths ?? {}).map(([path, item]) => ({
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      methods: Object.keys(item ?? {}).map((m) => m.toUpperCase()),
    }));
    const allowed = templates.find((t) => t.pattern.test(c.req.path))?.methods;
    if (allowed) {
      const allow = [...new Set([...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])])];
      throw new ApiProblem(
        'method-not-allowed',
        `${c.req.path} answers ${allow.join(', ')}, not ${c.req.method}.`,
        {},
        { Allow: allow.join(', ') },
      );
    }
    throw new ApiProblem('not-found', `Nothing answers ${c.req.method} ${c.req.path}.`);
  });
  api.onError(apiErrorAnswer);
  return api;
}
