import { raw } from 'hono/html';
import { imageText } from '../../../core/images.ts';
import { pictureHtml } from '../../../core/markdown/markdown-figures.ts';
import { iiifPath } from '../../../core/scenes.ts';
import { href } from '../../../ui/components/links.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import type { PublicScene } from '../loaders/public-scene.ts';
import { comparePath } from './scene-page.tsx';
import { sceneDate, sceneLabel } from './scene-parts.tsx';

/**
 * Scenes in date order, each a small still with its date and its page, and between each pair of
 * neighbours a link to see them side by side. Shown on a place's page (every public scene of the
 * place) and under a publication (the scenes it shows).
 */
export function SceneTimeline(props: {
  ctx: PageContext;
  scenes: readonly PublicScene[];
  heading: string;
  id: string;
}) {
  const { ctx, scenes } = props;
  if (scenes.length === 0) return null;
  return (
    <section class="scene-timeline" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <ol class="scene-strip">
        {scenes.map((s, i) => {
          const { alt } = imageText(s.image, ctx.locale);
          const previous = scenes[i - 1];
          return (
            <li>
              <a href={href(ctx.locale, `${iiifPath.base(s.image.id)}/`)}>
                {raw(pictureHtml(s.image, alt, '12rem', { maxWidth: 480 }))}
                <span class="scene-strip-date">
                  {s.image.takenOn ? (
                    <time datetime={s.image.takenOn}>{sceneDate(ctx, s)}</time>
                  ) : (
                    sceneDate(ctx, s)
                  )}
                </span>{' '}
                <span>{sceneLabel(ctx, s)}</span>
              </a>
              {s.scene.illustrative ? (
                <span class="scene-strip-note"> {ctx.t('scene.illustrativeShort')}</span>
              ) : null}
              {previous ? (
                <>
                  {' '}
                  <a
                    class="scene-strip-compare"
                    href={href(ctx.locale, comparePath(previous.image.id, s.image.id))}
                  >
                    {ctx.t('scene.compareWithPrevious')}
                  </a>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
