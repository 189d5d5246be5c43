import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { ColumnHeads } from '../../../ui/components/column-heads.tsx';

/** A live preview link as the form lists it; its secret was shown once, when it was made. */
export interface PreviewLinkItem {
  id: number;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string;
}

const minute = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;

/** The piece's live preview links, each revocable, and the button that makes a new one. */
export function PreviewLinksPanel(props: {
  ctx: AdminPageContext;
  publicationId: number;
  links: PreviewLinkItem[];
  days: number;
  /** A link made just now: its secret is shown this once, to open or copy. */
  made: { url: string; expiresAt: string } | null;
}) {
  const { ctx, publicationId: id } = props;
  const revoke = `/admin/publications/${id}/preview-links/revoke`;
  return (
    <section class="preview-links" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p class="hint">
        A preview link shows this draft to someone without an account, under a “Draft preview, not
        public” banner, until it expires or you revoke it. A withdrawn piece has none.
      </p>
      {props.made ? (
        <div class="flash" role="status">
          <p>
            Preview link, valid until {minute(props.made.expiresAt)}. It is shown only now: copy it.
          </p>
          <p class="preview-url">
            <a id="new-preview-link" href={props.made.url} target="_blank" rel="noopener">
              {props.made.url}
            </a>
          </p>
          <button type="button" class="secondary" data-copy="new-preview-link" hidden>
            Copy link
          </button>
        </div>
      ) : null}
      <form method="post" action={`/admin/publications/${id}/preview-link`}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <button type="submit">Make a preview link (valid {props.days} days)</button>
      </form>
      {props.links.length > 0 ? (
        <>
          <table>
            <caption>Live preview links</caption>
            <ColumnHeads columns={['Made', 'By', 'Valid until']} unnamed="Action" />
            <tbody>
              {props.links.map((link) => (
                <tr>
                  <td>{minute(link.createdAt)}</td>
                  <td>{link.createdBy ?? 'a removed account'}</td>
                  <td>{minute(link.expiresAt)}</td>
                  <td>
                    <form method="post" action={revoke}>
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <input type="hidden" name="link" value={String(link.id)} />
                      <button type="submit">Revoke</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form method="post" action={revoke}>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <button type="submit" class="danger">
              Revoke all preview links
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
