import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formInstant } from './publication-form-data.ts';

describe('dates typed in the publication form', () => {
  it('reads a moment on the hour like any other minute', () => {
    expect(formInstant('2026-06-02T14:00')).toBe('2026-06-02T14:00:00.000Z');
    expect(formInstant('2026-06-02T14:05')).toBe('2026-06-02T14:05:00.000Z');
    expect(formInstant('2026-06-02T00:00:00')).toBe('2026-06-02T00:00:00.000Z');
    expect(formInstant('2026-06-02')).toBe('2026-06-02T00:00:00.000Z');
    expect(formInstant('  ')).toBeNull();
  });

  it('gives the same instant as the browser’s value read as UTC, to the minute or the second', () => {
    const moment = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2999-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(moment, fc.boolean(), (d, seconds) => {
        const typed = d.toISOString().slice(0, seconds ? 19 : 16);
        const read = formInstant(typed);
        expect(read).not.toBeNull();
        expect(new Date(read!).getTime()).toBe(Date.parse(`${typed}Z`));
        expect(read).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      }),
    );
  });

  it('passes anything else on as typed, for the schema to refuse', () => {
    expect(formInstant('next Tuesday')).toBe('next Tuesday');
  });
});
