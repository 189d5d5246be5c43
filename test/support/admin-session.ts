import type { Hono } from 'hono';
import type { AppContext } from '../../src/core/app-context.ts';
import type { UserRole } from '../../src/core/content-types.ts';
import { setUpPasswordAndTotp } from '../../src/features/accounts/account-setup.ts';
import { addUser } from '../../src/features/accounts/manage-users.ts';
import { newTotpSecret } from '../../src/features/accounts/totp.ts';
import { SYSTEM_ACTOR } from './actors.ts';
import { unique } from './factories.ts';
import { totpCodeAt } from './totp.ts';

export const PASSWORD = 'correct horse battery staple';

export interface StaffAccount {
  email: string;
  totpSecret: string;
  recoveryCodes: string[];
  userId: number;
}

/** A staff account set up the way a person would: set-up link, password, authenticator app. */
export async function makeStaff(ctx: AppContext, role: UserRole): Promise<StaffAccount> {
  const email = `${unique(role)}@example.org`;
  const { user, setupUrl } = await addUser(
    ctx,
    { email, role },
    SYSTEM_ACTOR,
    ctx.config.publicUrl,
  );
  const token = setupUrl.split('/').pop()!;
  const totpSecret = newTotpSecret();
  const { recoveryCodes } = await setUpPasswordAndTotp(ctx, token, {
    password: PASSWORD,
    totpSecret,
    code: totpCodeAt(totpSecret, ctx.clock.now()),
    ip: null,
  });
  return { email, totpSecret, recoveryCodes, userId: user.id };
}

/** Requests as a browser on this site would make them: same Origin, cookies carried along. */
export class Browserish {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: Hono,
    readonly origin: string,
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method && init.method !== 'GET' && !headers.has('Origin'))
      headers.set('Origin', this.origin);
    const res = await this.app.request(`${this.origin}${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value ?? '');
    }
    return res;
  }

  /** Posts a form with the CSRF token the page at `formPage` carried. */
  async submit(
    formPage: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<Response> {
    const page = await (await this.request(formPage)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const body = new URLSearchParams();
    body.set('_csrf', csrf);
    for (const [k, v] of Object.entries(fields))
      for (const item of [v].flat()) body.append(k, item);
    return this.request(action, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }

  async signIn(account: StaffAccount, ctx: AppContext, code?: string): Promise<Response> {
    return this.submit('/admin/sign-in', '/admin/sign-in', {
      email: account.email,
      password: PASSWORD,
      code: code ?? totpCodeAt(account.totpSecret, ctx.clock.now()),
    });
  }
}
