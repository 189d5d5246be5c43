import { DomainError } from '../../core/errors.ts';

/**
 * A failed sign-in. The message never says which part was wrong (address, password or code),
 * so an attacker learns nothing about which accounts exist.
 */
export class SignInError extends DomainError {
  override name = 'SignInError';
  constructor(message = 'Those details did not sign you in.') {
    super(message);
  }
}

/** Too many failures: wait before trying again. */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** Signed in, but this action needs a role the user does not have. */
export { ForbiddenError } from '../../core/errors.ts';
