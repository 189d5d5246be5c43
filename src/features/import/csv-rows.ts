import { parse } from 'csv-parse/sync';
import { NAME_SCHEMES, PLACE_KINDS, PUBLICATION_TYPES } from '../../core/content-types.ts';
import { PUBLICATION_STATUSES } from '../../core/publication-status.ts';
import { slugify } from '../../core/slug.ts';

/**
 * Spreadsheets as rows of named cells, and the columns each kind of import reads. Every problem
 * is reported by row (as a spreadsheet numbers it: the header is row 1) and column name, and all
 * of them at once, so a file can be mended in one go.
 */
export interface CsvProblem {
  row: number;
  column: string;
  message: string;
}

export class CsvImportError extends Error {
  override name = 'CsvImportError';
  constructor(readonly problems: CsvProblem[]) {
    super(
      problems
        .slice(0, 50)
        .map((p) => `row ${p.row}, column ${p.column}: ${p.message}`)
        .join('\n') + (problems.length > 50 ? `\n… and ${problems.length - 50} more` : ''),
    );
  }
}

export interface CsvRow {
  /** The spreadsheet's row number (header = 1). */
  row: number;
  cells: Record<string, string>;
}

export function readCsvRows(
  text: string,
  required: readonly string[],
  known: readonly string[],
): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: false,
      skip_empty_lines: true,
    });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new CsvImportError([
      { row: e.lines ?? 0, column: '-', message: e.message.replace(/^Invalid.*?: /, '') },
    ]);
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvImportError([{ row: 1, column: '-', message: 'The file is empty' }]);
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  for (const r of required) {
    if (!names.includes(r))
      problems.push({ row: 1, column: r, message: 'This column is required' });
  }
  names.forEach((n) => {
    if (!known.includes(n))
      problems.push({ row: 1, column: n, message: `Unknown column (known: ${known.join(', ')})` });
  });
  if (problems.length > 0) throw new CsvImportError(problems);
  return rows.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(names.map((n, j) => [n, (cells[j] ?? '').trim()])),
  }));
}

/** Collects problems while a row is read; `value` is null when the cell was wrong. */
export class RowReader {
  constructor(
    readonly row: CsvRow,
    readonly problems: CsvProblem[],
  ) {}

  private problem(column: string, message: string): null {
    this.problems.push({ row: this.row.row, column, message });
    return null;
  }

  text(column: string, required = false): string | null {
    const v = this.row.cells[column] ?? '';
    if (!v) return required ? this.problem(column, 'Required') : null;
    return v;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], fallback?: T): T | null {
    const v = this.row.cells[column] ?? '';
    if (!v) return fallback ?? this.problem(column, 'Required');
    return (allowed as readonly string[]).includes(v)
      ? (v as T)
      : this.problem(column, `“${v}” is not one of ${allowed.join(', ')}`);
  }

  number(column: string, min: number, max: number): number | null {
    const v = this.row.cells[column] ?? '';
    if (!v) return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max) {
      return this.problem(column, `“${v}” is not a number from ${min} to ${max}`);
    }
    return n;
  }

  date(column: string): string | null {
    const v = this.row.cells[column] ?? '';
    if (!v) return null;
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v) || Number.isNaN(new Date(v).getTime())) {
      return this.problem(column, `“${v}” is not a date (use YYYY-MM-DD)`);
    }
    return new Date(v.length === 10 ? `${v}T00:00:00.000Z` : v).toISOString();
  }

  slug(column: string, from: string | null): string | null {
    const v = this.row.cells[column] ?? '';
    if (v && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v)) {
      return this.problem(column, `“${v}” is not a slug (lowercase letters, digits and hyphens)`);
    }
    return v || (from ? slugify(from) : null);
  }

  list(column: string): string[] {
    return (this.row.cells[column] ?? '')
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }

  fail(column: string, message: string): void {
    this.problem(column, message);
  }
}

export const PUBLICATION_COLUMNS = [
  'key',
  'section',
  'slug',
  'type',
  'title',
  'subtitle',
  'summary',
  'body',
  'language',
  'status',
  'published',
  'authors',
  'topics',
  'places',
  'external_url',
  'report_number',
  'doi',
] as const;
export const PEOPLE_COLUMNS = [
  'key',
  'slug',
  'name',
  'sort_name',
  'name_ko',
  'bio',
  'orcid',
  'roles',
] as const;
/** The gazetteer: one place a row, its names by scheme, its parent by slug. */
export const PLACE_COLUMNS = [
  'key',
  'slug',
  'kind',
  'parent',
  'english',
  'hangul',
  'hanja',
  'mccune_reischauer',
  'revised',
  'other_names',
  'latitude',
  'longitude',
  'coordinates_source',
] as const;

export { NAME_SCHEMES, PLACE_KINDS, PUBLICATION_STATUSES, PUBLICATION_TYPES };
