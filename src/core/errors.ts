/**
 * Domain errors are plain classes. The HTTP layer and the CLI map them to status codes and exit
 * codes in one place each, so services never know how they are reached.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** Input that breaks a rule of the model; `issues` name the offending fields. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}

/** A save carried a version that is no longer current: someone else saved first. */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
  }
}

/** The caller is known, but this action needs a right they do not hold. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}

/** The target existed but was withdrawn; public surfaces answer with a tombstone. */
export class GoneError extends DomainError {
  override name = 'GoneError';
}

/** Why a PDF could not be read. Each reason has its own sentence for the editor. */
export type UnreadablePdfReason =
  | 'encrypted'
  | 'malformed'
  | 'memory'
  | 'timeout'
  | 'too-much-text'
  | 'crashed';

/**
 * A PDF that the sandboxed reader gave up on. `permanent` says whether trying the same bytes
 * again could help: a password or a decompression bomb does not go away on a second attempt.
 */
export class UnreadablePdfError extends DomainError {
  override name = 'UnreadablePdfError';
  constructor(
    message: string,
    readonly reason: UnreadablePdfReason,
  ) {
    super(message);
  }

  get permanent(): boolean {
    return this.reason !== 'crashed';
  }
}
