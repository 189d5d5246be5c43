import type { CoverView } from '../../../core/public-views.ts';
import type { PageContext } from '../../../ui/page-context.ts';

/**
 * A report's cover, its first page as the PDF job drew it. Its size is given so the page does
 * not shift as it loads; listings load it only when it nears the screen.
 */
export function CoverImage(props: {
  ctx: PageContext;
  cover: CoverView;
  title: string;
  lazy?: boolean;
}) {
  const { ctx, cover } = props;
  return (
    <img
      class="cover"
      src={cover.path}
      alt={ctx.t('entry.coverAlt', { title: props.title })}
      width={cover.width}
      height={cover.height}
      loading={props.lazy ? 'lazy' : undefined}
      decoding="async"
    />
  );
}
