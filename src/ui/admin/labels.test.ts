import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_ROLES,
  CONTRIBUTION_ROLES,
  PUBLICATION_TYPES,
  USER_ROLES,
} from '../../core/content-types.ts';
import { PUBLICATION_STATUSES } from '../../core/publication-status.ts';
import {
  attachmentRoleLabel,
  fileStateLabel,
  roleLabel,
  staffRoleLabel,
  statusLabel,
  typeLabel,
} from './labels.ts';

const FILE_STATES = ['queued', 'running', 'done', 'failed', 'stored'];

describe('the back office’s labels', () => {
  for (const locale of ['en', 'ko'] as const) {
    it(`names every type, role, status, file state, file role and staff role in words in ${locale}, never as its code`, () => {
      const groups: Array<[readonly string[], (code: string) => string]> = [
        [PUBLICATION_TYPES, (c) => typeLabel(c as never, locale)],
        [CONTRIBUTION_ROLES, (c) => roleLabel(c as never, locale)],
        [PUBLICATION_STATUSES, (c) => statusLabel(c as never, locale)],
        [FILE_STATES, (c) => fileStateLabel(c, locale)],
        [ATTACHMENT_ROLES, (c) => attachmentRoleLabel(c, locale)],
        [USER_ROLES, (c) => staffRoleLabel(c, locale)],
      ];
      for (const [codes, label] of groups) {
        const words = codes.map(label);
        for (const [i, word] of words.entries()) expect(word, codes[i]).not.toBe(codes[i]);
        // Two codes never read the same.
        expect(new Set(words).size).toBe(codes.length);
        if (locale === 'ko') for (const word of words) expect(word).toMatch(/[\uac00-\ud7a3]/);
      }
    });
  }

  it('shows a code the catalogs do not know as itself', () => {
    expect(fileStateLabel('paused')).toBe('paused');
  });
});
