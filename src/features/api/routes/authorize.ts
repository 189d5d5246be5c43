import type { MiddlewareHandler } from 'hono';
import { type Action, can, type PublicationOwnership } from '../../../core/permissions.ts';
import type { ApiScope, AuthenticatedToken } from '../api-tokens.ts';
import { type ApiContext, type ApiEnv, ApiProblem } from './api-env.ts';

const needsToken = () =>
  new ApiProblem(
    'unauthorized',
    'This needs a token: send it as Authorization: Bearer <token>.',
    {},
    { 'WWW-Authenticate': 'Bearer realm="dossier"' },
  );

/**
 * Every route that takes a body is a write, and every write needs a token: a caller without one
 * is answered before a byte of the body is read, so an anonymous body costs nothing to parse or
 * validate. (A wrong token never gets this far: the caller guard answers it with 401.)
 */
export function tokenBeforeBody(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!c.get('caller').auth) throw needsToken();
    await next();
  };
}

/**
 * A write needs a token, the token's scope, and a role that may do it: the scope says what the
 * token was made for, the role what its user may do today (a demoted user's tokens shrink too).
 */
export function authorize(
  c: ApiContext,
  scope: ApiScope,
  action: Action,
  publication?: PublicationOwnership,
): AuthenticatedToken {
  const auth = c.get('caller').auth;
  if (!auth) throw needsToken();
  if (!auth.scopes.has(scope)) {
    throw new ApiProblem('forbidden', `This token lacks the ${scope} scope.`);
  }
  if (!can({ id: auth.user.id, role: auth.user.role }, action, publication)) {
    throw new ApiProblem(
      'forbidden',
      `The token's account (${auth.user.role}) may not do this${publication ? ' to this publication' : ''}.`,
    );
  }
  return auth;
}
