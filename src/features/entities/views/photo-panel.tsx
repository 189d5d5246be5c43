import type { ImageRecord } from '../../../core/images.ts';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/**
 * A person's photo: uploaded with its alt text and credit, stripped of its metadata (camera,
 * GPS position) before it is kept, shown on their page while they have public work.
 */
export function PhotoPanel(props: {
  ctx: AdminPageContext;
  personId: number;
  photo: ImageRecord | null;
  error?: string;
}) {
  const { ctx, personId, photo } = props;
  return (
    <section aria-labelledby="photo-heading">
      <h2 id="photo-heading">Photo</h2>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {photo ? (
        <form method="post" action={`/admin/people/${personId}/photo/remove`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>
            A photo is set: “{photo.alt ?? photo.altKo}”
            {photo.credit ? `, credit ${photo.credit}` : ''} ({photo.width}×{photo.height}).{' '}
            <button type="submit">Remove the photo</button>
          </p>
        </form>
      ) : (
        <p>No photo.</p>
      )}
      <form method="post" action={`/admin/people/${personId}/photo`} enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="field">
          <label for="photo-alt">
            Alt text<span aria-hidden="true"> *</span>
          </label>
          <input id="photo-alt" name="alt" required />
        </div>
        <div class="field">
          <label for="photo-altKo">Alt text in Korean</label>
          <input id="photo-altKo" name="altKo" />
        </div>
        <div class="field">
          <label for="photo-credit">
            Credit<span aria-hidden="true"> *</span>
          </label>
          <input id="photo-credit" name="credit" required />
        </div>
        <div class="field">
          <label for="photo-file">
            Photo (JPEG, PNG, WebP or AVIF)<span aria-hidden="true"> *</span>
          </label>
          <input id="photo-file" name="file" type="file" accept="image/*" required />
        </div>
        <button type="submit">{photo ? 'Replace the photo' : 'Add the photo'}</button>
      </form>
    </section>
  );
}
