import type { AppContext } from '../../../core/app-context.ts';
import type { User } from '../../../core/entities.ts';
import { ValidationError } from '../../../core/errors.ts';
import {
  finishSetupWithPasskey,
  setUpPasswordAndTotp,
  userForSetupToken,
} from '../account-setup.ts';
import { RateLimitedError, SignInError } from '../auth-errors.ts';
import { adminPageContext, clientIp, renderAdmin } from '../back-office/admin-page.ts';
import { type AdminContext, type AdminRoute, param } from '../back-office/route-table.ts';
import { idOf } from '../back-office/staff-request.ts';
import {
  authenticationOptions,
  finishAuthentication,
  finishRegistration,
  type PasskeyDeps,
  registrationOptions,
  removePasskey,
} from '../passkeys.ts';
import { securitySettings } from '../security-settings.ts';
import { endSession, startSession } from '../sessions.ts';
import { signInWithPassword } from '../sign-in-with-password.ts';
import { newTotpSecret, totpUri } from '../totp.ts';
import { AccountPage } from '../views/account-page.tsx';
import { RecoveryCodesPage } from '../views/recovery-codes-page.tsx';
import { SetupPage } from '../views/setup-page.tsx';
import { SignInPage } from '../views/sign-in-page.tsx';
import { safeNext } from './safe-next.ts';
import { clearSessionCookie, writeSessionCookie } from './session-cookie.ts';

/** Sign-in, sign-out, set-up links and the user's own passkeys. */
export function authRoutes(app: AppContext): AdminRoute[] {
  const passkeyDeps = async (): Promise<PasskeyDeps> => ({
    repos: app.repos,
    clock: app.clock,
    audit: app.audit,
    publicUrl: app.config.publicUrl,
    siteName: (await app.repos.settings.get<{ name?: string }>('site'))?.name ?? 'Dossier',
  });

  const signedIn = async (c: AdminContext, user: User, method: 'passkey' | 'password') => {
    const session = await startSession(app, user, method, {
      ip: clientIp(c),
      userAgent: c.req.header('User-Agent') ?? null,
    });
    writeSessionCookie(c, app.config.publicUrl, session.token);
  };

  /**
   * Keeps the passkey the browser made for `user`, then `done` says where the page goes next.
   * A refused passkey is answered for the page to show; the answers are JSON for its script.
   */
  const keepPasskey = async (
    c: AdminContext,
    user: User,
    done: (credentialId: string) => Promise<string>,
  ): Promise<Response> => {
    const body = await c.req.json().catch(() => null);
    try {
      const credentialId = await finishRegistration(await passkeyDeps(), user, {
        challengeId: String(body?.challengeId ?? ''),
        response: body?.response,
        name: String(body?.name ?? 'Passkey'),
        ip: clientIp(c),
      });
      return c.json({ ok: true, next: await done(credentialId) });
    } catch (error) {
      if (error instanceof SignInError) return c.json({ ok: false, error: error.message }, 400);
      throw error;
    }
  };

  const signInPage = async (
    c: AdminContext,
    error?: string,
    email?: string,
    status: 200 | 401 | 429 = 200,
  ) => {
    const policy = await securitySettings(app.repos);
    const next = safeNext(c.req.query('next'));
    const page = (
      <SignInPage
        ctx={await adminPageContext(app, c)}
        error={error}
        email={email}
        passwordAllowed={!policy.requirePasskeys}
        next={next === '/admin' ? undefined : next}
      />
    );
    return renderAdmin(c, page, status === 401 ? 403 : status);
  };

  const setupPage = async (
    c: AdminContext,
    token: string,
    errors?: Record<string, string>,
    secret?: string,
  ) => {
    const user = await userForSetupToken(app, token);
    if (!user)
      return renderAdmin(
        c,
        <SignInPage
          ctx={await adminPageContext(app, c)}
          error="This set-up link has expired or was already used. Ask an admin for a new one."
          passwordAllowed
        />,
        410,
      );
    const totpSecret = secret ?? newTotpSecret();
    const site = (await app.repos.settings.get<{ name?: string }>('site'))?.name ?? 'Dossier';
    // Loaded here, the one page that draws a code, rather than in every process at start.
    const { default: QRCode } = await import('qrcode');
    const qr = await QRCode.toString(totpUri(site, user.email, totpSecret), {
      type: 'svg',
      margin: 1,
      width: 200,
    });
    const policy = await securitySettings(app.repos);
    return renderAdmin(
      c,
      <SetupPage
        ctx={await adminPageContext(app, c)}
        token={token}
        email={user.email}
        totpSecret={totpSecret}
        totpQrSvg={qr}
        errors={errors}
        passwordAllowed={!policy.requirePasskeys}
      />,
      errors ? 422 : 200,
    );
  };

  return [
    { method: 'GET', path: '/admin/sign-in', action: 'signed-out', handler: (c) => signInPage(c) },
    {
      method: 'POST',
      path: '/admin/sign-in',
      action: 'signed-out',
      handler: async (c) => {
        const form = await c.req.parseBody();
        const email = String(form.email ?? '');
        try {
          const user = await signInWithPassword(app, {
            email,
            password: String(form.password ?? ''),
            code: String(form.code ?? ''),
            ip: clientIp(c),
          });
          await signedIn(c, user, 'password');
          return c.redirect(safeNext(c.req.query('next')), 303);
        } catch (error) {
          if (error instanceof RateLimitedError) {
            c.header('Retry-After', String(error.retryAfterSeconds));
            return signInPage(c, error.message, email, 429);
          }
          if (error instanceof SignInError) return signInPage(c, error.message, email, 401);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/passkey/authenticate/options',
      action: 'signed-out',
      handler: async (c) => c.json(await authenticationOptions(await passkeyDeps())),
    },
    {
      method: 'POST',
      path: '/admin/passkey/authenticate/verify',
      action: 'signed-out',
      handler: async (c) => {
        const body = await c.req.json().catch(() => null);
        try {
          const user = await finishAuthentication(await passkeyDeps(), {
            challengeId: String(body?.challengeId ?? ''),
            response: body?.response,
            ip: clientIp(c),
          });
          await signedIn(c, user, 'passkey');
          return c.json({
            ok: true,
            next: safeNext(typeof body?.next === 'string' ? body.next : null),
          });
        } catch (error) {
          if (error instanceof RateLimitedError)
            return c.json({ ok: false, error: error.message }, 429);
          if (error instanceof SignInError) return c.json({ ok: false, error: error.message }, 401);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/sign-out',
      action: 'signed-in',
      handler: async (c) => {
        const session = c.get('session')!;
        await endSession(app, session.tokenHash);
        await app.audit.record(
          { userId: session.user.id, label: session.user.email, ip: clientIp(c) },
          'auth.sign-out',
          { type: 'user', id: session.user.id },
          null,
        );
        clearSessionCookie(c, app.config.publicUrl);
        return c.redirect('/admin/sign-in', 303);
      },
    },
    {
      method: 'GET',
      path: '/admin/setup/:token',
      action: 'signed-out',
      handler: (c) => setupPage(c, param(c, 'token')),
    },
    {
      method: 'POST',
      path: '/admin/setup/:token/password',
      action: 'signed-out',
      handler: async (c) => {
        const token = param(c, 'token');
        const form = await c.req.parseBody();
        const totpSecret = String(form.totpSecret ?? '');
        if ((await securitySettings(app.repos)).requirePasskeys)
          return c.text('This site requires passkeys.', 403);
        try {
          const { user, recoveryCodes } = await setUpPasswordAndTotp(app, token, {
            password: String(form.password ?? ''),
            totpSecret,
            code: String(form.code ?? ''),
            ip: clientIp(c),
          });
          return renderAdmin(
            c,
            <RecoveryCodesPage
              ctx={await adminPageContext(app, c)}
              codes={recoveryCodes}
              email={user.email}
              createdAt={app.clock.now()}
            />,
          );
        } catch (error) {
          if (error instanceof ValidationError) {
            return setupPage(
              c,
              token,
              Object.fromEntries(error.issues.map((i) => [i.path, i.message])),
              totpSecret,
            );
          }
          if (error instanceof SignInError) return c.text(error.message, 410);
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/admin/setup/:token/passkey/options',
      action: 'signed-out',
      handler: async (c) => {
        const user = await userForSetupToken(app, param(c, 'token'));
        if (!user) return c.json({ ok: false, error: 'This set-up link has expired.' }, 410);
        return c.json(await registrationOptions(await passkeyDeps(), user));
      },
    },
    {
      method: 'POST',
      path: '/admin/setup/:token/passkey/verify',
      action: 'signed-out',
      handler: async (c) => {
        const token = param(c, 'token');
        const user = await userForSetupToken(app, token);
        if (!user) return c.json({ ok: false, error: 'This set-up link has expired.' }, 410);
        return keepPasskey(c, user, async (credentialId) => {
          await finishSetupWithPasskey(app, token, credentialId);
          await signedIn(c, user, 'passkey');
          return '/admin';
        });
      },
    },
    {
      method: 'GET',
      path: '/admin/account',
      action: 'signed-in',
      handler: async (c) => {
        const user = c.get('session')!.user;
        const [passkeys, unused] = await Promise.all([
          app.repos.credentials.passkeysOf(user.id),
          app.repos.credentials.unusedRecoveryCodes(user.id),
        ]);
        return renderAdmin(
          c,
          <AccountPage
            ctx={await adminPageContext(app, c)}
            passkeys={passkeys}
            unusedRecoveryCodes={unused}
          />,
        );
      },
    },
    {
      method: 'POST',
      path: '/admin/account/passkeys/options',
      action: 'signed-in',
      handler: async (c) =>
        c.json(await registrationOptions(await passkeyDeps(), c.get('session')!.user)),
    },
    {
      method: 'POST',
      path: '/admin/account/passkeys/verify',
      action: 'signed-in',
      handler: (c) => keepPasskey(c, c.get('session')!.user, async () => '/admin/account'),
    },
    {
      method: 'POST',
      path: '/admin/account/passkeys/:id/delete',
      action: 'signed-in',
      handler: async (c) => {
        const user = c.get('session')!.user;
        const passkeyId = idOf(param(c, 'id'));
        if (passkeyId !== null)
          await removePasskey(await passkeyDeps(), user, passkeyId, clientIp(c));
        return c.redirect('/admin/account', 303);
      },
    },
  ];
}
