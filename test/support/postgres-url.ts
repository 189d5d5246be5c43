/**
 * Where the PostgreSQL test server is. Tests never read DATABASE_URL, so that a test run can
 * never touch an operator's database.
 */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
