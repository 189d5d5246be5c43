import type { PublicationStatus } from '../../../core/publication-status.ts';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { statusLabel } from '../../../ui/admin/labels.ts';
import { Flash } from '../../../ui/admin/notices.tsx';

export const FORM_ID = 'publication-form';

/** What the bar needs to know of the piece: nothing of it exists before the first save. */
export interface EditorBarProps {
  ctx: AdminPageContext;
  id: number | null;
  version: number | null;
  status: PublicationStatus;
  title: string;
  embargoUntil: string;
  embargoError?: string;
  statusError?: string;
  canPublish: boolean;
  publicPath: string | null;
  wouldBeAt?: string | null;
}

/** The step that moves the piece on, first; then the others its status allows. */
function WorkflowButtons(props: EditorBarProps) {
  const { status, canPublish, title } = props;
  const where = props.wouldBeAt ? ` at ${props.wouldBeAt}` : '';
  return (
    <>
      {canPublish && status !== 'published' ? (
        <button
          type="submit"
          name="to"
          value="published"
          class="primary"
          data-confirm={`Publish now: “${title}” will be visible to everyone${where}.`}
        >
          Publish now
        </button>
      ) : null}
      {status === 'draft' ? (
        <button
          type="submit"
          name="to"
          value="in-review"
          class={canPublish ? 'secondary' : 'primary'}
        >
          Submit for review
        </button>
      ) : null}
      {status !== 'draft' && status !== 'published' ? (
        <button type="submit" name="to" value="draft" class="secondary">
          Back to draft
        </button>
      ) : null}
      {canPublish && status === 'published' ? (
        <details class="withdraw">
          <summary>Withdraw…</summary>
          <div class="field">
            <label for="f-withdrawnReason">Reason shown to readers</label>
            <input id="f-withdrawnReason" name="withdrawnReason" />
            <button
              type="submit"
              name="to"
              value="withdrawn"
              class="danger"
              data-confirm={`Withdraw “${title}”: readers will find a notice with your reason in its place.`}
            >
              Withdraw
            </button>
          </div>
        </details>
      ) : null}
      {canPublish && status !== 'published' ? (
        <details class="schedule">
          <summary>Schedule</summary>
          <div class="field">
            <label for="f-scheduledAt">Publish at (UTC)</label>
            <input id="f-scheduledAt" type="datetime-local" name="scheduledAt" />
            <button type="submit" name="to" value="scheduled" class="secondary">
              Schedule
            </button>
          </div>
        </details>
      ) : null}
    </>
  );
}

/**
 * The editor's bar, in view while one writes: the piece's status and the links to it, the Save
 * button of the form beside it, the next workflow step, and the embargo. On a phone it is the
 * top bar; on a wide screen the head of the side panel.
 */
export function EditorBar(props: EditorBarProps) {
  const { ctx, id } = props;
  return (
    <section class="editor-bar" aria-label="Status and publishing">
      <p class="editor-status">
        <strong class={`status status-${props.status}`}>{statusLabel(props.status)}</strong>{' '}
        {id ? (
          <span class="quiet">
            version {props.version}
            {props.publicPath ? (
              <>
                {' '}
                · <a href={props.publicPath}>view on the site</a>
              </>
            ) : null}{' '}
            · <a href={`/admin/publications/${id}/revisions`}>revisions</a>
          </span>
        ) : (
          <span class="quiet">not saved yet</span>
        )}
      </p>
      <p class="editor-save">
        <button type="submit" form={FORM_ID} class="primary">
          Save
        </button>
      </p>
      {id ? (
        <form method="post" action={`/admin/publications/${id}/status`} class="workflow">
          <Flash message={props.statusError} error />
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(props.version)} />
          <WorkflowButtons {...props} />
        </form>
      ) : null}
      <details class="embargo" open={props.embargoUntil !== '' || Boolean(props.embargoError)}>
        <summary>Embargo</summary>
        <div class={`field${props.embargoError ? ' has-error' : ''}`}>
          <label for="f-embargoUntil">Embargo until (UTC)</label>
          <p class="hint" id="f-embargoUntil-hint">
            Hidden from every public surface until this moment, even once published. Saved with the
            form.
          </p>
          <input
            id="f-embargoUntil"
            type="datetime-local"
            name="embargoUntil"
            form={FORM_ID}
            value={props.embargoUntil}
            aria-describedby="f-embargoUntil-hint"
          />
          {props.embargoError ? <p class="error">{props.embargoError}</p> : null}
        </div>
      </details>
    </section>
  );
}
