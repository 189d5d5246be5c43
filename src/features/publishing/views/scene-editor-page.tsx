import type { Place } from '../../../core/entities.ts';
import type { ImageRecord } from '../../../core/images.ts';
import type { SceneAnnotation, SceneRecord } from '../../../core/scenes.ts';
import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { PlaceChoice } from './scenes-panel.tsx';

/**
 * One scene in the back office: its state (tiles made or not yet, footprint read or why not),
 * its facts and places, and its numbered annotations, each editable. The still can be clicked
 * to fill in a position (assets/admin.js); typing "x,y" or "x1,y1 x2,y2 x3,y3" does the same
 * without JavaScript.
 */
export function SceneEditorPage(props: {
  ctx: AdminPageContext;
  publication: { id: number; title: string };
  image: ImageRecord;
  scene: SceneRecord;
  annotations: SceneAnnotation[];
  places: Place[];
  hasStill: boolean;
  publicPath: string | null;
  error?: { field: string; message: string };
}) {
  const { ctx, publication, image, scene } = props;
  const base = `/admin/publications/${publication.id}/scenes/${image.id}`;
  const csrf = <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
  const err = (field: string) =>
    props.error?.field === field ? (
      <p class="error" role="alert">
        {props.error.message}
      </p>
    ) : null;
  return (
    <AdminLayout ctx={ctx} title={`Scene ${image.id}`}>
      <h1>
        Scene {image.id} of “{publication.title}”
      </h1>
      <p>
        <a href={`/admin/publications/${publication.id}`}>Back to the publication</a>
        {props.publicPath ? (
          <>
            {' · '}
            <a href={props.publicPath}>Public page of the scene</a>
          </>
        ) : (
          <> · Not public: readers see it once the body of a published piece places it.</>
        )}
      </p>
      <ul>
        <li>
          Tiles and copies: {scene.tiles ? 'made' : 'being made (the page fills in when they are)'}
        </li>
        <li>
          Size: {image.width} × {image.height} pixels
        </li>
        <li>
          Footprint:{' '}
          {scene.footprint
            ? `read from the file (${scene.footprintCrs})`
            : 'none: the file carries no georeferencing in a system this archive reads'}
        </li>
        <li>
          Line for the body: <code>{`![scene](figure:${image.id})`}</code>
        </li>
      </ul>
      {props.hasStill ? (
        <figure class="scene-picker">
          <img
            src={`${base}/still.jpg`}
            alt={image.alt ?? image.altKo ?? ''}
            data-scene-width={String(image.width)}
            data-scene-height={String(image.height)}
            data-points-field="annotation-points"
          />
          <figcaption>
            Click the still to put a point in the new annotation; shift-click to add a corner of a
            polygon.
          </figcaption>
        </figure>
      ) : null}
      <h2>Facts and places</h2>
      {err('facts')}
      <form method="post" action={base}>
        {csrf}
        <div class="field">
          <label for="sensor">Sensor</label>
          <input id="sensor" name="sensor" value={scene.sensor ?? ''} />
        </div>
        <div class="field">
          <label for="provider">Provider</label>
          <input id="provider" name="provider" value={scene.provider ?? ''} />
        </div>
        <div class="field">
          <label for="licence">Licence</label>
          <input id="licence" name="licence" value={scene.licence ?? ''} />
        </div>
        <div class="field checkbox">
          <input
            id="illustrative"
            type="checkbox"
            name="illustrative"
            value="1"
            checked={scene.illustrative}
          />
          <label for="illustrative">Illustrative, not a capture</label>
        </div>
        <PlaceChoice places={props.places} selected={scene.placeIds} id="placeIds" />
        <button type="submit">Save the facts</button>
      </form>
      <h2>Annotations</h2>
      {props.annotations.length === 0 ? <p>No annotations yet.</p> : null}
      <ol>
        {props.annotations.map((a) => (
          <li value={a.number}>
            <form method="post" action={`${base}/annotations/${a.id}`}>
              {csrf}
              <AnnotationFields prefix={`a${a.id}`} annotation={a} />
              <button type="submit">Save annotation {a.number}</button>
            </form>
            <form method="post" action={`${base}/annotations/${a.id}/delete`}>
              {csrf}
              <button type="submit" class="danger">
                Delete annotation {a.number}
              </button>
            </form>
          </li>
        ))}
      </ol>
      <h3>New annotation</h3>
      {err('annotation')}
      <form method="post" action={`${base}/annotations`}>
        {csrf}
        <AnnotationFields prefix="annotation" />
        <button type="submit">Add the annotation</button>
      </form>
    </AdminLayout>
  );
}

function AnnotationFields(props: { prefix: string; annotation?: SceneAnnotation }) {
  const { prefix, annotation: a } = props;
  const points = a ? a.points.map(([x, y]) => `${x},${y}`).join(' ') : '';
  return (
    <>
      <div class="field">
        <label for={`${prefix}-points`}>Position in pixels</label>
        <p class="hint" id={`${prefix}-points-hint`}>
          A point as x,y; a polygon as x1,y1 x2,y2 x3,y3 (from the top left of the full image).
        </p>
        <input
          id={`${prefix}-points`}
          name="points"
          value={points}
          required
          aria-describedby={`${prefix}-points-hint`}
        />
      </div>
      <div class="field">
        <label for={`${prefix}-label`}>Label</label>
        <input id={`${prefix}-label`} name="label" value={a?.label ?? ''} />
      </div>
      <div class="field">
        <label for={`${prefix}-labelKo`}>Label in Korean</label>
        <input id={`${prefix}-labelKo`} name="labelKo" value={a?.labelKo ?? ''} lang="ko" />
      </div>
      <div class="field">
        <label for={`${prefix}-note`}>Note</label>
        <textarea id={`${prefix}-note`} name="note" rows={2}>
          {a?.note ?? ''}
        </textarea>
      </div>
      <div class="field">
        <label for={`${prefix}-noteKo`}>Note in Korean</label>
        <textarea id={`${prefix}-noteKo`} name="noteKo" rows={2} lang="ko">
          {a?.noteKo ?? ''}
        </textarea>
      </div>
    </>
  );
}
