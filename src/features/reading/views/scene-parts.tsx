import { raw } from 'hono/html';
import type { Place } from '../../../core/entities.ts';
import { imageText } from '../../../core/images.ts';
import { pictureHtml } from '../../../core/markdown/markdown-figures.ts';
import { placeNameIn } from '../../../core/place-name.ts';
import { annotationText, iiifPath, type SceneAnnotation } from '../../../core/scenes.ts';
import { href } from '../../../ui/components/links.ts';
import { formatDate } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import type { PublicScene } from '../loaders/public-scene.ts';

/** The still's width in the page column, for the browser's choice of copy. */
export const SCENE_SIZES = '(min-width: 52rem) 48rem, 100vw';

/** A scene's capture date as readers see it, or that it is not recorded. */
export function sceneDate(ctx: PageContext, scene: PublicScene): string {
  return scene.image.takenOn ? formatDate(scene.image.takenOn, ctx.locale) : ctx.t('scene.undated');
}

/** The words that name a scene in a list: its caption, else its alt text, with its date. */
export function sceneLabel(ctx: PageContext, scene: PublicScene): string {
  const { alt, caption } = imageText(scene.image, ctx.locale);
  return caption ?? (alt || ctx.t('scene.title'));
}

/** Says, on every view of an illustrative scene, that it is not a capture. */
export function IllustrativeNote(props: { ctx: PageContext; scene: PublicScene }) {
  return props.scene.scene.illustrative ? (
    <p class="scene-illustrative">{props.ctx.t('scene.illustrative')}</p>
  ) : null;
}

/**
 * The responsive still, with the numbered callouts drawn over it in an SVG of the scene's own
 * pixel space, so they sit where the editor put them at every width, without JavaScript. The
 * drawing is decorative to assistive technology: the numbered list below says the same in words.
 * With JavaScript, the deep-zoom viewer takes the still's place (assets/scene-viewer.js).
 */
export function SceneStill(props: {
  ctx: PageContext;
  scene: PublicScene;
  annotations: readonly SceneAnnotation[];
  lazy?: boolean;
}) {
  const { ctx, scene, annotations } = props;
  const { image } = scene;
  const { alt } = imageText(image, ctx.locale);
  return (
    <div
      class="scene-still"
      data-iiif-info={iiifPath.info(image.id)}
      data-annotations={iiifPath.annotations(image.id)}
    >
      {raw(pictureHtml(image, alt, SCENE_SIZES, { lazy: props.lazy ?? false }))}
      {annotations.length > 0 ? (
        <svg
          class="scene-callouts"
          viewBox={`0 0 ${image.width} ${image.height}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          {annotations.map((a) => (
            <Callout annotation={a} scale={Math.max(image.width, image.height) / 60} />
          ))}
        </svg>
      ) : null}
    </div>
  );
}

function Callout(props: { annotation: SceneAnnotation; scale: number }) {
  const { annotation: a, scale } = props;
  const [x, y] = a.points[0]!;
  return (
    <g class={`callout callout-${a.shape}`}>
      {a.shape === 'polygon' ? (
        <polygon points={a.points.map(([px, py]) => `${px},${py}`).join(' ')} />
      ) : null}
      <circle cx={x} cy={y} r={scale * 0.9} />
      <text x={x} y={y} dy={scale * 0.35} font-size={scale}>
        {a.number}
      </text>
    </g>
  );
}

/** The callouts in words, numbered as drawn: readable without sight and without JavaScript. */
export function AnnotationList(props: {
  ctx: PageContext;
  imageId: number;
  annotations: readonly SceneAnnotation[];
}) {
  const { ctx, annotations } = props;
  if (annotations.length === 0)
    return <p class="scene-no-annotations">{ctx.t('scene.noAnnotations')}</p>;
  return (
    <ol class="scene-annotations" aria-label={ctx.t('scene.annotations')}>
      {annotations.map((a) => {
        const { label, note } = annotationText(a, ctx.locale);
        return (
          <li id={`annotation-${props.imageId}-${a.number}`} value={a.number}>
            <strong>{label}</strong>
            {note ? <> — {note}</> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Links to the places a scene shows, in the reader's language. */
export function PlaceLinks(props: { ctx: PageContext; places: readonly Place[] }) {
  return (
    <>
      {props.places.map((p, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <a href={href(props.ctx.locale, `/places/${p.slug}/`)}>
            {placeNameIn(p.names, props.ctx.locale)}
          </a>
        </>
      ))}
    </>
  );
}
