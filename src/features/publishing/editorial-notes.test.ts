import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.ts';
import { cleanNoteBody, isEditorialNoteKind, NOTE_MAX_LENGTH } from './editorial-notes.ts';

describe('an editorial note’s text', () => {
  it('is kept trimmed, with Windows line breaks made plain and tabs kept', () => {
    expect(cleanNoteBody('  first\r\nsecond\r\tthird  ')).toBe('first\nsecond\n\tthird');
  });

  it('is refused when empty or only space', () => {
    for (const body of ['', '   ', '\n\t\r\n']) {
      expect(() => cleanNoteBody(body)).toThrow(ValidationError);
    }
  });

  it('holds up to the limit in characters, counting a Korean syllable or an emoji as one', () => {
    expect(cleanNoteBody('한'.repeat(NOTE_MAX_LENGTH))).toHaveLength(NOTE_MAX_LENGTH);
    expect(cleanNoteBody('😀'.repeat(NOTE_MAX_LENGTH))).toHaveLength(2 * NOTE_MAX_LENGTH);
    expect(() => cleanNoteBody('x'.repeat(NOTE_MAX_LENGTH + 1))).toThrow(/at most 4,000/);
  });

  it('is refused when it carries control characters other than line breaks and tabs', () => {
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085']) {
      expect(() => cleanNoteBody(`a${c}b`)).toThrow(/control characters/);
    }
  });

  it('is a note or a sign-off, nothing else', () => {
    expect(isEditorialNoteKind('note')).toBe(true);
    expect(isEditorialNoteKind('sign-off')).toBe(true);
    expect(isEditorialNoteKind('approval')).toBe(false);
  });
});
