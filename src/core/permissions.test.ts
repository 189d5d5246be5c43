import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedStatuses, can } from './permissions.ts';

describe('roles', () => {
  it('lets an admin do everything', () => {
    for (const action of ACTIONS) expect(can({ id: 1, role: 'admin' }, action)).toBe(true);
  });

  it('keeps editors out of users, settings, audit, tokens and the purge', () => {
    const editor = { id: 2, role: 'editor' as const };
    for (const action of [
      'users.manage',
      'settings.manage',
      'audit.read',
      'tokens.manage',
      'trash.purge',
    ] as const) {
      expect(can(editor, action)).toBe(false);
    }
    expect(can(editor, 'publication.publish')).toBe(true);
  });

  it('lets a contributor edit only their own unpublished drafts and never publish', () => {
    const me = { id: 3, role: 'contributor' as const };
    expect(can(me, 'publication.edit', { createdByUserId: 3, status: 'draft' })).toBe(true);
    expect(can(me, 'publication.edit', { createdByUserId: 3, status: 'in-review' })).toBe(true);
    expect(can(me, 'publication.edit', { createdByUserId: 4, status: 'draft' })).toBe(false);
    expect(can(me, 'publication.edit', { createdByUserId: 3, status: 'published' })).toBe(false);
    expect(can(me, 'publication.publish')).toBe(false);
    expect(allowedStatuses('contributor')).toEqual(['draft', 'in-review']);
  });
});
