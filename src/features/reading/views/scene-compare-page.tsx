import type { Child } from 'hono/jsx';
import { iiifPath } from '../../../core/scenes.ts';
import { Breadcrumbs } from '../../../ui/components/breadcrumbs.tsx';
import { href } from '../../../ui/components/links.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { Layout } from '../../../ui/pages/layout.tsx';
import type { SceneCompareView, ScenePageView } from '../loaders/scene-page.ts';
import {
  AnnotationList,
  IllustrativeNote,
  SceneStill,
  sceneDate,
  sceneLabel,
} from './scene-parts.tsx';
import { SceneScripts } from './scene-scripts.tsx';

/**
 * Two dates of one place side by side, each with its date, its note if illustrative, and its
 * callouts in words. With JavaScript and the same ground at the same size, a before/after
 * slider (a native range input, so keyboard and screen readers can move it) lays one over the
 * other; otherwise, and without JavaScript, they stay side by side.
 */
export function SceneComparePage(props: {
  ctx: PageContext;
  view: SceneCompareView;
  head?: Child;
}) {
  const { ctx, view } = props;
  const title = `${ctx.t('scene.compareTitle')}: ${sceneDate(ctx, view.before.scene)} · ${sceneDate(ctx, view.after.scene)}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={
        <>
          {props.head}
          <SceneScripts ctx={ctx} zoom={false} />
        </>
      }
      meta={{ description: ctx.t('scene.meta') }}
    >
      <Breadcrumbs
        ctx={ctx}
        trail={[
          { label: view.before.shownIn.title, path: view.before.shownIn.path },
          { label: ctx.t('scene.compareTitle') },
        ]}
      />
      <h1>{title}</h1>
      {view.sameExtent ? null : <p class="scene-compare-differ">{ctx.t('scene.compareDiffer')}</p>}
      <div
        class="scene-compare"
        data-slider={view.sameExtent ? 'yes' : 'no'}
        data-slider-label={ctx.t('scene.compareSlider')}
      >
        <Side ctx={ctx} view={view.before} which="before" />
        <Side ctx={ctx} view={view.after} which="after" />
      </div>
    </Layout>
  );
}

function Side(props: { ctx: PageContext; view: ScenePageView; which: 'before' | 'after' }) {
  const { ctx, view } = props;
  const { scene } = view;
  const id = scene.image.id;
  return (
    <figure class={`scene-side scene-${props.which}`}>
      <figcaption>
        <strong>
          {scene.image.takenOn ? (
            <time datetime={scene.image.takenOn}>{sceneDate(ctx, scene)}</time>
          ) : (
            sceneDate(ctx, scene)
          )}
        </strong>
        {': '}
        <a href={href(ctx.locale, `${iiifPath.base(id)}/`)}>{sceneLabel(ctx, scene)}</a>
      </figcaption>
      <IllustrativeNote ctx={ctx} scene={scene} />
      <SceneStill ctx={ctx} scene={scene} annotations={view.annotations} />
      <AnnotationList ctx={ctx} imageId={id} annotations={view.annotations} />
    </figure>
  );
}
