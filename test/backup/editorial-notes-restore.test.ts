import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WiredContext } from '../../src/context.ts';
import { addEditorialNote } from '../../src/features/publishing/editorial-notes.ts';
import { exportArchive } from '../../src/infra/backup/export-archive.ts';
import { restoreArchive } from '../../src/infra/backup/restore-archive.ts';
import { SYSTEM_ACTOR } from '../support/actors.ts';
import { makeStaff } from '../support/admin-session.ts';
import {
  closeTestDatabase,
  describeEachDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/databases.ts';
import { buildPublication, testContext } from '../support/factories.ts';

/** Editorial notes are the archive's history: a backup carries them, and a restore brings them back. */
describeEachDatabase('editorial notes through export and restore', (db, dialect) => {
  let source: WiredContext;
  let target: TestDatabase;
  let restored: WiredContext;
  let pieceId: number;
  let editorId: number;

  beforeAll(async () => {
    source = await testContext(db());
    pieceId = (await buildPublication(source, { status: 'published' })).id;
    editorId = (await makeStaff(source, 'editor')).userId;
    const editor = { userId: editorId, label: 'editor', ip: null, mayPublish: true };
    await addEditorialNote(source, pieceId, 'Faces blurred in figure 2.', 'note', editor);
    await addEditorialNote(source, pieceId, 'Checked: ok to publish.', 'sign-off', editor);
    const archive = join(db().dir, 'notes.tar');
    await exportArchive(source, archive, SYSTEM_ACTOR);
    target = await openTestDatabase(dialect);
    restored = await testContext(target);
    await restoreArchive(restored, archive, SYSTEM_ACTOR);
  }, 60_000);
  afterAll(async () => {
    await restored?.close();
    await source?.close();
    if (target) await closeTestDatabase(target);
  });

  it('come back on their piece, in order, with their kind, author and time', async () => {
    const before = await source.repos.editorialNotes.list(pieceId);
    const after = await restored.repos.editorialNotes.list(pieceId);
    expect(after).toHaveLength(2);
    expect(after).toEqual(before);
    expect(after.map((n) => [n.kind, n.authorUserId])).toEqual([
      ['note', editorId],
      ['sign-off', editorId],
    ]);
  });

  it('take new notes after the restore, numbered after the restored ones', async () => {
    const editor = { userId: editorId, label: 'editor', ip: null, mayPublish: true };
    const added = await addEditorialNote(restored, pieceId, 'After the move.', 'note', editor);
    const ids = (await restored.repos.editorialNotes.list(pieceId)).map((n) => n.id);
    expect(ids).toHaveLength(3);
    expect(added.id).toBe(Math.max(...ids));
  });
});
