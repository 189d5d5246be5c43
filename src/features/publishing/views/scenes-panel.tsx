import type { Place } from '../../../core/entities.ts';
import type { ImageRecord } from '../../../core/images.ts';
import { preferredName } from '../../../core/place-name.ts';
import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/**
 * A publication's satellite scenes: each with its line for the body and a link to its page
 * (facts, places, annotations), and the form that uploads one. The file streams to the store,
 * so the form sends its fields first and the file last.
 */
export function ScenesPanel(props: {
  ctx: AdminPageContext;
  publicationId: number;
  language: string;
  scenes: ImageRecord[];
  places: Place[];
  error?: string | undefined;
}) {
  const { ctx, publicationId } = props;
  const ko = props.language === 'ko';
  return (
    <section aria-labelledby="scenes-heading">
      <h2 id="scenes-heading">Satellite scenes</h2>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <p class="hint">
        A scene is shown like a figure, by its line in the body; readers can then zoom into it, read
        its annotations and compare it with other dates of the same place.
      </p>
      {props.scenes.length > 0 ? (
        <ul class="figures">
          {props.scenes.map((s) => (
            <li>
              <code>{`![scene](figure:${s.id})`}</code> {s.caption ?? s.captionKo ?? ''}{' '}
              <span class="quiet">
                {s.takenOn ?? 'undated'} · {s.width}×{s.height}
              </span>{' '}
              <a href={`/admin/publications/${publicationId}/scenes/${s.id}`}>
                Places and annotations of scene {s.id}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        method="post"
        action={`/admin/publications/${publicationId}/scenes`}
        enctype="multipart/form-data"
      >
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="field">
          <label for="scene-alt">
            Alt text{ko ? ' (English)' : ''}
            {ko ? null : <span aria-hidden="true"> *</span>}
          </label>
          <textarea id="scene-alt" name="alt" rows={2} />
        </div>
        <div class="field">
          <label for="scene-altKo">
            Alt text in Korean{ko ? <span aria-hidden="true"> *</span> : null}
          </label>
          <textarea id="scene-altKo" name="altKo" rows={2} />
        </div>
        <div class="field">
          <label for="scene-caption">Caption</label>
          <textarea id="scene-caption" name="caption" rows={2} />
        </div>
        <div class="field">
          <label for="scene-captionKo">Caption in Korean</label>
          <textarea id="scene-captionKo" name="captionKo" rows={2} />
        </div>
        <div class="field">
          <label for="scene-takenOn">Capture date</label>
          <input id="scene-takenOn" name="takenOn" type="date" />
        </div>
        <div class="field">
          <label for="scene-sensor">Sensor</label>
          <input id="scene-sensor" name="sensor" />
        </div>
        <div class="field">
          <label for="scene-provider">Provider</label>
          <input id="scene-provider" name="provider" />
        </div>
        <div class="field">
          <label for="scene-credit">Credit</label>
          <input id="scene-credit" name="credit" />
        </div>
        <div class="field">
          <label for="scene-source">Source</label>
          <input id="scene-source" name="source" />
        </div>
        <div class="field">
          <label for="scene-licence">Licence</label>
          <input id="scene-licence" name="licence" />
        </div>
        <div class="field checkbox">
          <input id="scene-illustrative" type="checkbox" name="illustrative" value="1" />
          <label for="scene-illustrative">
            Illustrative: made to show how imagery is presented, not a capture (every view says so)
          </label>
        </div>
        <PlaceChoice places={props.places} selected={[]} id="scene-places" />
        <div class="field">
          <label for="scene-file">
            Scene (GeoTIFF, TIFF, JPEG, PNG or WebP)<span aria-hidden="true"> *</span>
          </label>
          <p class="hint" id="scene-file-hint">
            Kept as uploaded for staff. Readers get tiles, a still, and a download with the
            georeferencing but no other metadata. Up to 2 GB and a billion pixels.
          </p>
          <input
            id="scene-file"
            name="file"
            type="file"
            accept="image/tiff,image/jpeg,image/png,image/webp"
            required
            aria-describedby="scene-file-hint"
          />
        </div>
        <button type="submit">Upload the scene</button>
      </form>
    </section>
  );
}

/** The places a scene shows: a multiple choice by preferred name. */
export function PlaceChoice(props: { places: Place[]; selected: number[]; id: string }) {
  return (
    <div class="field">
      <label for={props.id}>Places shown</label>
      <select id={props.id} name="placeIds" multiple size={Math.min(8, props.places.length || 1)}>
        {props.places.map((p) => (
          <option value={String(p.id)} selected={props.selected.includes(p.id)}>
            {preferredName(p.names)}
          </option>
        ))}
      </select>
    </div>
  );
}
