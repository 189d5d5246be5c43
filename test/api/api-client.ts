import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import type { AppContext } from '../../src/core/app-context.ts';
import type { UserRole } from '../../src/core/content-types.ts';
import { addUser } from '../../src/features/accounts/manage-users.ts';
import type { ApiScope } from '../../src/features/api/api-tokens.ts';
import { createApiToken } from '../../src/features/api/api-tokens.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { unique } from '../support/factories.ts';

type Json = Record<string, unknown>;
/** Anything with hono's `request()`: the whole site, or the API app alone. */
type Requester = { request(input: string, init?: RequestInit): Response | Promise<Response> };
type OpenApiDoc = { paths: Record<string, Record<string, Json>>; components: Json };

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  raw: Response;
}

/**
 * Calls the API through `app.request()` and checks every answer against the OpenAPI document
 * the API itself serves: the operation must exist, the status must be one it documents, and a
 * JSON or problem body must match the documented schema (ajv, JSON Schema 2020-12).
 */
export class ApiClient {
  private readonly validators = new Map<string, ReturnType<Ajv2020['compile']>>();
  private readonly ajv: Ajv2020;
  checked = 0;

  private constructor(
    private readonly app: Requester,
    readonly doc: OpenApiDoc,
  ) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its default export arrives wrapped under ESM.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
      addFormatsModule) as unknown as (ajv: Ajv2020) => void;
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
  }

  static async open(app: Requester): Promise<ApiClient> {
    const res = await app.request('http://localhost/api/v1/openapi.json');
    expect(res.status).toBe(200);
    return new ApiClient(app, (await res.json()) as OpenApiDoc);
  }

  async request<T = Json>(
    method: string,
    path: string,
    options: {
      token?: string;
      json?: unknown;
      body?: BodyInit;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers = new Headers(options.headers);
    if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
    let body = options.body;
    if (options.json !== undefined) {
      body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json);
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
    const raw = await this.app.request(`http://localhost${path}`, { method, headers, body });
    const type = (raw.headers.get('Content-Type') ?? '').split(';')[0]!;
    const parsed =
      type === 'application/json' || type === 'application/problem+json'
        ? await raw.clone().json()
        : undefined;
    this.check(method, path, raw, type, parsed);
    return { status: raw.status, headers: raw.headers, body: parsed as T, raw };
  }

  private operation(method: string, path: string): { template: string; op: Json } | null {
    const pathname = new URL(`http://localhost${path}`).pathname;
    for (const [template, item] of Object.entries(this.doc.paths)) {
      const pattern = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
      );
      const op = item[method.toLowerCase()] as Json | undefined;
      if (pattern.test(pathname) && op) return { template, op };
    }
    return null;
  }

  private check(method: string, path: string, res: Response, type: string, body: unknown): void {
    if (method === 'OPTIONS') return;
    const found = this.operation(method, path);
    const label = `${method} ${path} → ${res.status}`;
    if (!found) {
      // Paths the document does not describe answer only with problems (404/405/429…).
      expect(type, label).toBe('application/problem+json');
      this.validate('#/components/schemas/Problem', body, label);
      return;
    }
    const responses = found.op.responses as Record<string, Json>;
    const documented = responses[String(res.status)];
    expect(documented, `${label}: status not in the OpenAPI document`).toBeDefined();
    if (res.status === 304 || !documented?.content) return;
    const content = documented.content as Record<string, { schema: Json }>;
    const media = content[type];
    // Every answer's media type is documented (a PDF download as application/pdf, not as
    // application/octet-stream); JSON bodies are also held to their schema.
    expect(media, `${label}: ${type} not documented`).toBeDefined();
    if (type === 'application/problem+json' || type === 'application/json') {
      const key = `${found.template} ${method} ${res.status} ${type}`;
      this.validate(key, body, label, media!.schema);
    }
  }

  /** Checks a value (a mirrored file, say) against one of the document's named shapes. */
  expectShape(name: string, value: unknown, label = name): void {
    this.validate(`#/components/schemas/${name}`, value, label);
  }

  private validate(key: string, body: unknown, label: string, schema?: Json): void {
    let validator = this.validators.get(key);
    if (!validator) {
      const root = schema ?? { $ref: key };
      validator = this.ajv.compile({ ...root, components: this.doc.components });
      this.validators.set(key, validator);
    }
    const ok = validator(body);
    expect(
      ok,
      `${label}: ${this.ajv.errorsText(validator.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    ).toBe(true);
    this.checked += 1;
  }
}

/** A staff account (no sign-in needed: tokens stand in for it) and a token for it. */
export async function tokenFor(
  ctx: AppContext,
  role: UserRole,
  scopes: ApiScope[],
): Promise<{ token: string; userId: number; tokenId: number }> {
  const { user } = await addUser(
    ctx,
    { email: `${unique(role)}@example.org`, role },
    SYSTEM_ACTOR,
    ctx.config.publicUrl,
  );
  const { id, secret } = await createApiToken(
    ctx,
    { userId: user.id, name: `${role} ${scopes.join('+') || 'none'}`, scopes },
    SYSTEM_ACTOR,
  );
  return { token: secret, userId: user.id, tokenId: id };
}
