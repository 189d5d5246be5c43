import type { Crumb } from '../../../ui/components/breadcrumbs.tsx';
import { Breadcrumbs } from '../../../ui/components/breadcrumbs.tsx';
import { href } from '../../../ui/components/links.ts';
import { localizedText } from '../../../ui/components/localized.tsx';
import { textLanguage } from '../../../ui/i18n/text-language.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { Layout } from '../../../ui/pages/layout.tsx';

export interface IndexItem {
  label: string;
  lang?: string;
  path: string;
  note?: string;
}

/** A plain list of links: all people, all topics, all places, all years. */
export function IndexPage(props: {
  ctx: PageContext;
  title: string;
  trail?: Crumb[];
  items: IndexItem[];
}) {
  const { ctx } = props;
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      meta={{
        description: ctx.t('meta.index', {
          title: props.title,
          site: localizedText(ctx.locale, ctx.site.name, ctx.site.nameKo),
        }),
      }}
    >
      <Breadcrumbs ctx={ctx} trail={props.trail ?? [{ label: props.title }]} />
      <h1>{props.title}</h1>
      <ul class="index-list">
        {props.items.map((item) => (
          <li>
            <a href={href(ctx.locale, item.path)} lang={item.lang}>
              {item.label}
            </a>
            {item.note ? (
              <span class="quiet" lang={textLanguage(item.note, ctx.locale)}>
                {' '}
                {item.note}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
