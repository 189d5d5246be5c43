import type { MigrationResultSet } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isDroppedDuringLook } from '../../src/infra/db/migrate.ts';

const failure = (code: string, failedMigration?: string): MigrationResultSet => ({
  error: Object.assign(new Error('from PostgreSQL'), { code }),
  results: failedMigration
    ? [{ migrationName: failedMigration, direction: 'Up', status: 'Error' }]
    : [],
});

describe('a migration run that met another schema being dropped', () => {
  it('is looked at again when a schema, a table or a column vanished before any migration ran', () => {
    expect(isDroppedDuringLook(failure('3F000'))).toBe(true);
    expect(isDroppedDuringLook(failure('42P01'))).toBe(true);
    expect(isDroppedDuringLook(failure('42703'))).toBe(true);
  });

  it('is a real failure when a migration itself met a missing table, or anything else failed', () => {
    expect(isDroppedDuringLook(failure('42P01', '0012_users'))).toBe(false);
    expect(isDroppedDuringLook(failure('42703', '0102-date-precision'))).toBe(false);
    expect(isDroppedDuringLook(failure('42601'))).toBe(false);
    expect(isDroppedDuringLook({ error: undefined, results: [] })).toBe(false);
  });
});
