import {
  ConflictError,
  DomainError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  ValidationError,
} from '../core/errors.ts';

/** The one place where domain errors become HTTP status codes. */
export function statusOf(error: unknown): 400 | 403 | 404 | 409 | 410 | 422 | 500 {
  if (error instanceof ValidationError) return 422;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof GoneError) return 410;
  if (error instanceof DomainError) return 400;
  return 500;
}
