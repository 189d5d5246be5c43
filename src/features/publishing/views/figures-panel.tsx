import type { ImageRecord } from '../../../core/images.ts';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/**
 * A publication's figures: the images uploaded for it, each with the line that places it in the
 * body, and the form that adds one. Works without JavaScript: the editor copies the line into
 * the body where the figure belongs. Alt text is asked in the piece's language.
 */
export function FiguresPanel(props: {
  ctx: AdminPageContext;
  publicationId: number;
  language: string;
  figures: ImageRecord[];
  /** Why the last upload or removal was refused. */
  error?: string | undefined;
}) {
  const { ctx, publicationId, figures } = props;
  const ko = props.language === 'ko';
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <p class="hint">
        Put a figure in the body with its line, alone in its paragraph, e.g.{' '}
        <code>![Guard towers](figure:12)</code>. The words in the brackets are a reminder for
        editors; readers get the alt text, caption, credit, source and date given here.
      </p>
      {figures.length > 0 ? (
        <ul class="figures">
          {figures.map((f) => (
            <li>
              <code>{`![${(ko ? (f.altKo ?? f.alt) : (f.alt ?? f.altKo)) ?? 'decorative'}](figure:${f.id})`}</code>{' '}
              {f.decorative ? <span class="quiet">(decorative)</span> : null}{' '}
              {f.caption ?? f.captionKo ?? ''}{' '}
              <span class="quiet">
                {f.width}×{f.height}
              </span>
              <form
                method="post"
                action={`/admin/publications/${publicationId}/figures/${f.id}/remove`}
              >
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit">Remove figure {f.id}</button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        method="post"
        action={`/admin/publications/${publicationId}/figures`}
        enctype="multipart/form-data"
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="field">
          <label for="fig-alt">
            Alt text{ko ? ' (English)' : ''}
            {ko ? null : <span aria-hidden="true"> *</span>}
          </label>
          <p class="hint" id="fig-alt-hint">
            What the image shows, for readers who cannot see it. Required unless decorative.
          </p>
          <textarea id="fig-alt" name="alt" rows={2} aria-describedby="fig-alt-hint" />
        </div>
        <div class="field">
          <label for="fig-altKo">
            Alt text in Korean{ko ? <span aria-hidden="true"> *</span> : null}
          </label>
          <textarea id="fig-altKo" name="altKo" rows={2} />
        </div>
        <div class="field checkbox">
          <input id="fig-decorative" type="checkbox" name="decorative" value="1" />
          <label for="fig-decorative">
            Decorative: adds nothing the text does not say (no alt text)
          </label>
        </div>
        <div class="field">
          <label for="fig-caption">Caption</label>
          <textarea id="fig-caption" name="caption" rows={2} />
        </div>
        <div class="field">
          <label for="fig-captionKo">Caption in Korean</label>
          <textarea id="fig-captionKo" name="captionKo" rows={2} />
        </div>
        <div class="field">
          <label for="fig-credit">Credit</label>
          <input id="fig-credit" name="credit" />
        </div>
        <div class="field">
          <label for="fig-source">Source</label>
          <input id="fig-source" name="source" />
        </div>
        <div class="field">
          <label for="fig-takenOn">Date taken</label>
          <input id="fig-takenOn" name="takenOn" type="date" />
        </div>
        <div class="field">
          <label for="fig-file">
            Image (JPEG, PNG, WebP or AVIF)<span aria-hidden="true"> *</span>
          </label>
          <p class="hint" id="fig-file-hint">
            Its metadata (camera, GPS position, owner) is removed before it is kept.
          </p>
          <input
            id="fig-file"
            name="file"
            type="file"
            accept="image/*"
            required
            aria-describedby="fig-file-hint"
          />
        </div>
        <button type="submit">Add the figure</button>
      </form>
    </section>
  );
}
