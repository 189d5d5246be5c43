import { describe, expect, it } from 'vitest';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { EditorialNotesPanel } from './editorial-notes-panel.tsx';

const ctx = { csrfToken: 'token-123' } as AdminPageContext;
const render = (props: Partial<Parameters<typeof EditorialNotesPanel>[0]> = {}) =>
  String(<EditorialNotesPanel ctx={ctx} publicationId={7} notes={[]} {...props} />);

describe('the editorial notes panel', () => {
  it('lists each note with its kind, author and minute in UTC, its text as plain lines', () => {
    const html = render({
      notes: [
        {
          id: 1,
          kind: 'sign-off',
          body: 'Checked <script>x</script>\n**ok**',
          author: null,
          createdAt: '2026-06-01T12:34:56.000Z',
        },
      ],
    });
    expect(html).toContain('<strong>Sign-off</strong> by a removed account');
    expect(html).toContain('2026-06-01 12:34 UTC');
    expect(html).toContain('Checked &lt;script&gt;x&lt;/script&gt;<br/>**ok**');
    expect(html).not.toContain('<script>');
  });

  it('posts to the piece’s notes with the CSRF token, as a note or a sign-off', () => {
    const html = render();
    expect(html).toContain('action="/admin/publications/7/notes"');
    expect(html).toContain('name="_csrf" value="token-123"');
    expect(html).toContain('name="kind" value="note"');
    expect(html).toContain('name="kind" value="sign-off"');
    expect(html).toContain('No notes yet.');
    expect(html).toContain('cannot be edited or deleted');
  });

  it('shows a refused note’s reason beside the text as typed', () => {
    const html = render({ error: 'Write the note before adding it.', draft: 'half <typed>' });
    expect(html).toContain('Write the note before adding it.');
    expect(html).toContain('half &lt;typed&gt;</textarea>');
    expect(html).toContain('aria-invalid="true"');
  });
});
