import { DomainError } from '../errors.ts';

/** An archive that is not whole: truncated, altered, or not a Dossier export at all. */
export class DamagedArchiveError extends DomainError {
  override name = 'DamagedArchiveError';
}

/** A restore that must not start: the target holds data, or its schema differs. */
export class RestoreRefusedError extends DomainError {
  override name = 'RestoreRefusedError';
}

/** An export that cannot be made faithfully (a stored file missing or changed, say). */
export class ExportFailedError extends DomainError {
  override name = 'ExportFailedError';
}

/**
 * An intact archive whose records this database refuses: a row that refers to one the archive
 * does not hold, say. The restore's transaction is rolled back; the message names the row.
 */
export class ArchiveRecordsRefusedError extends DomainError {
  override name = 'ArchiveRecordsRefusedError';
}
