import type { Child } from 'hono/jsx';
import { imageText } from '../../../core/images.ts';
import { placeNameIn } from '../../../core/place-name.ts';
import { iiifPath } from '../../../core/scenes.ts';
import { Breadcrumbs } from '../../../ui/components/breadcrumbs.tsx';
import { formatFileSize } from '../../../ui/components/file-size.ts';
import { href } from '../../../ui/components/links.ts';
import { StoredText } from '../../../ui/i18n/stored-text.tsx';
import { formatNumber } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { Layout } from '../../../ui/pages/layout.tsx';
import type { ScenePageView } from '../loaders/scene-page.ts';
import {
  AnnotationList,
  IllustrativeNote,
  PlaceLinks,
  SceneStill,
  sceneDate,
  sceneLabel,
} from './scene-parts.tsx';
import { SceneScripts } from './scene-scripts.tsx';

const FORMAT_NAMES: Record<string, string> = {
  'image/tiff': 'GeoTIFF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};

/**
 * A scene's own page: the still with its numbered callouts (the deep-zoom viewer with
 * JavaScript), the callouts in words, what is known of the scene and where each fact came from,
 * its downloads (the full-resolution file, the IIIF manifest, the annotations), and the other
 * public scenes of the same places by date, each one click from a comparison.
 */
export function ScenePage(props: { ctx: PageContext; view: ScenePageView; head?: Child }) {
  const { ctx, view } = props;
  const { scene, annotations } = view;
  const { image } = scene;
  const title = sceneLabel(ctx, scene);
  const { caption } = imageText(image, ctx.locale);
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={
        <>
          {props.head}
          <SceneScripts ctx={ctx} zoom />
        </>
      }
      meta={{ description: ctx.t('scene.meta') }}
    >
      <Breadcrumbs
        ctx={ctx}
        trail={[
          { label: view.shownIn.title, path: view.shownIn.path },
          { label: ctx.t('scene.title') },
        ]}
      />
      <article class="scene">
        <h1>{title}</h1>
        <p class="scene-date">
          {ctx.t('scene.captured')}:{' '}
          {image.takenOn ? (
            <time datetime={image.takenOn}>{sceneDate(ctx, scene)}</time>
          ) : (
            sceneDate(ctx, scene)
          )}
        </p>
        <IllustrativeNote ctx={ctx} scene={scene} />
        <figure class="scene-figure">
          <SceneStill ctx={ctx} scene={scene} annotations={annotations} />
          <figcaption>
            {caption && caption !== title ? <span>{caption} </span> : null}
            <span class="scene-viewer-hint">{ctx.t('scene.viewerHint')}</span>
          </figcaption>
        </figure>
        <h2>{ctx.t('scene.annotations')}</h2>
        <AnnotationList ctx={ctx} imageId={image.id} annotations={annotations} />
        <SceneFacts ctx={ctx} view={view} />
        <Timeline ctx={ctx} view={view} />
      </article>
    </Layout>
  );
}

function SceneFacts(props: { ctx: PageContext; view: ScenePageView }) {
  const { ctx, view } = props;
  const { image, scene } = view.scene;
  const stored = (text: string | null) =>
    text === null ? null : <StoredText locale={ctx.locale} text={text} />;
  const fact = (label: string, value: Child | null) =>
    value === null || value === '' ? null : (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    );
  const footprint = scene.footprint?.coordinates[0] ?? null;
  return (
    <section class="scene-facts" aria-labelledby="scene-facts">
      <h2 id="scene-facts">{ctx.t('scene.about')}</h2>
      <dl>
        {fact(ctx.t('scene.sensor'), stored(scene.sensor))}
        {fact(ctx.t('scene.provider'), stored(scene.provider))}
        {fact(ctx.t('scene.credit'), stored(image.credit))}
        {fact(ctx.t('scene.source'), stored(image.source))}
        {fact(ctx.t('scene.licence'), stored(scene.licence))}
        {fact(
          ctx.t('scene.places'),
          view.places.length > 0 ? <PlaceLinks ctx={ctx} places={view.places} /> : null,
        )}
        {fact(
          ctx.t('scene.shownIn'),
          <a href={href(ctx.locale, view.shownIn.path)} lang={view.shownIn.language}>
            {view.shownIn.title}
          </a>,
        )}
        {fact(
          ctx.t('scene.footprint'),
          footprint ? (
            <>
              {corners(footprint)
                .map(([lon, lat]) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`)
                .join(' · ')}{' '}
              ({ctx.t('scene.footprintFrom', { crs: scene.footprintCrs ?? '' })})
            </>
          ) : (
            ctx.t('scene.noFootprint')
          ),
        )}
        {fact(
          ctx.t('scene.pixels'),
          ctx.t('scene.size', {
            width: formatNumber(image.width, ctx.locale),
            height: formatNumber(image.height, ctx.locale),
          }),
        )}
      </dl>
      <ul class="scene-downloads">
        {view.download ? (
          <li>
            <a href={iiifPath.download(image.id, view.download.mediaType)} download>
              {ctx.t('scene.download', {
                format: FORMAT_NAMES[view.download.mediaType] ?? view.download.mediaType,
                size: formatFileSize(view.download.byteSize, ctx.locale),
              })}
            </a>
          </li>
        ) : null}
        <li>
          <a href={iiifPath.info(image.id)} type="application/ld+json">
            {ctx.t('scene.imageService')}
          </a>
        </li>
        <li>
          <a href={iiifPath.manifest(image.id)} type="application/ld+json">
            {ctx.t('scene.manifest')}
          </a>
        </li>
        <li>
          <a href={iiifPath.annotations(image.id)} type="application/ld+json">
            {ctx.t('scene.annotationData')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The four corners of a densified ring: the points furthest apart along each diagonal. */
function corners(ring: Array<[number, number]>): Array<[number, number]> {
  const open = ring.slice(0, -1);
  const pick = (f: (p: [number, number]) => number) =>
    open.reduce((best, p) => (f(p) > f(best) ? p : best), open[0]!);
  return [
    pick(([x, y]) => y - x),
    pick(([x, y]) => x + y),
    pick(([x, y]) => x - y),
    pick(([x, y]) => -x - y),
  ];
}

function Timeline(props: { ctx: PageContext; view: ScenePageView }) {
  const { ctx, view } = props;
  if (view.places.length === 0 || view.timeline.length < 2) return null;
  const current = view.scene.image.id;
  return (
    <section class="scene-timeline" aria-labelledby="scene-timeline">
      <h2 id="scene-timeline">
        {ctx.t('scene.timeline', {
          places: view.places.map((p) => placeNameIn(p.names, ctx.locale)).join(', '),
        })}
      </h2>
      <ol>
        {view.timeline.map((s) => (
          <li aria-current={s.image.id === current ? 'true' : undefined}>
            {s.image.takenOn ? (
              <time datetime={s.image.takenOn}>{sceneDate(ctx, s)}</time>
            ) : (
              sceneDate(ctx, s)
            )}
            {': '}
            {s.image.id === current ? (
              <>
                {sceneLabel(ctx, s)} ({ctx.t('scene.thisScene')})
              </>
            ) : (
              <>
                <a href={href(ctx.locale, `${iiifPath.base(s.image.id)}/`)}>{sceneLabel(ctx, s)}</a>
                {' · '}
                <a href={href(ctx.locale, comparePath(current, s.image.id))}>
                  {ctx.t('scene.compare')}
                </a>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The comparison of two scenes: one address whichever is named first. */
export function comparePath(a: number, b: number): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `/iiif/${x}/compare/${y}/`;
}
