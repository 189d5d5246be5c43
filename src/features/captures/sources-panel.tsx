import type { AdminPageContext } from '../../ui/admin/admin-layout.tsx';
import type { CitedSource } from './sources.ts';

const minuteUtc = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;

const STATE_WORDS = {
  captured: 'Captured',
  failed: 'Failed',
  refused: 'Not fetched',
} as const;

/**
 * The sources a piece cites and their captures, for staff: each link with the state of its
 * newest capture (when, HTTP status, the body's hash, or why it failed), a way to take a copy
 * down with a reason, and one button to capture them all again. Readers see none of it.
 */
export function SourcesPanel(props: {
  ctx: AdminPageContext;
  publicationId: number;
  sources: CitedSource[];
  capturing: boolean;
}) {
  const { ctx, sources } = props;
  return (
    <section class="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      {!props.capturing ? (
        <p class="hint">Capturing cited sources is off in this archive.</p>
      ) : (
        <p class="hint">
          Each link in the text and footnotes is captured once, when the piece is saved, and kept as
          a web archive for staff.
        </p>
      )}
      {sources.length === 0 ? (
        <p>This piece cites no web address.</p>
      ) : (
        <ul class="source-list">
          {sources.map(({ url, capture }) => (
            <li>
              <a href={url} rel="noreferrer noopener">
                {url}
              </a>{' '}
              —{' '}
              {capture ? (
                <>
                  <strong>{capture.takenDownAt ? 'Taken down' : STATE_WORDS[capture.state]}</strong>{' '}
                  <time datetime={capture.capturedAt}>{minuteUtc(capture.capturedAt)}</time>
                  {capture.httpStatus ? `, HTTP ${capture.httpStatus}` : ''}
                  {capture.bodySha256 ? (
                    <span class="quiet"> SHA-256 {capture.bodySha256.slice(0, 12)}…</span>
                  ) : null}
                  {capture.reason ? <span class="error"> {capture.reason}</span> : null}
                  {capture.takenDownReason ? (
                    <span class="quiet"> ({capture.takenDownReason})</span>
                  ) : null}
                  {capture.storedFileId && !capture.takenDownAt ? (
                    <form
                      method="post"
                      action={`/admin/publications/${props.publicationId}/sources/${capture.id}/take-down`}
                      class="inline-form"
                    >
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <label for={`take-down-${capture.id}`}>Reason</label>{' '}
                      <input id={`take-down-${capture.id}`} name="reason" required />{' '}
                      <button type="submit">Take this copy down</button>
                    </form>
                  ) : null}
                </>
              ) : (
                <span class="quiet">not captured yet</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.capturing && sources.length > 0 ? (
        <form method="post" action={`/admin/publications/${props.publicationId}/sources/capture`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <button type="submit">Capture all sources again</button>
        </form>
      ) : null}
    </section>
  );
}
