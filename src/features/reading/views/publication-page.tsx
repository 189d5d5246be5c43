import { hash } from 'node:crypto';
import type { Child } from 'hono/jsx';
import { renderMarkdown } from '../../../core/markdown/markdown.ts';
import type {
  PublicationNeighbours,
  PublicationParts,
  PublicationView,
} from '../../../core/public-views.ts';
import { Breadcrumbs } from '../../../ui/components/breadcrumbs.tsx';
import { href } from '../../../ui/components/links.ts';
import { Localized, localizedText } from '../../../ui/components/localized.tsx';
import { PageMeta, type PageMetaInput } from '../../../ui/components/page-meta.tsx';
import type { MessageKey } from '../../../ui/i18n/messages.en.ts';
import { formatDate } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { type RenderedPage, renderInFrame } from '../../../ui/pages/layout.tsx';
import { Byline } from './byline.tsx';
import { PdfLink } from './pdf-link.tsx';
import { VenueLink } from './venue-link.tsx';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ko: '한국어' };

/**
 * A publication's page, as the bytes to send: the frame around its stored or freshly rendered
 * parts, with its neighbours (translations, series) rendered for this moment.
 */
export async function renderPublicationPage(props: {
  ctx: PageContext;
  title: string;
  parts: PublicationParts;
  neighbours: PublicationNeighbours;
}): Promise<RenderedPage> {
  const { ctx, parts } = props;
  const { series, translations } = props.neighbours;
  // Most pieces have neither, and a stored page is otherwise served without rendering anything.
  const neighbours =
    series || translations.length > 0
      ? await (<Neighbours ctx={ctx} {...props.neighbours} />).toString()
      : '';
  return renderInFrame(ctx, {
    title: props.title,
    // The parts and the neighbours are all the head and the content hold.
    digest: neighbours === '' ? parts.digest : hash('sha1', `${parts.digest}\n${neighbours}`),
    headHtml: parts.head,
    main: [
      parts.breadcrumbs,
      '<article class="publication">',
      parts.header,
      neighbours,
      parts.body,
      '</article>',
    ],
  });
}

/** What a publication's page may carry beside its own data: more head tags, its social meta. */
export interface PublicationExtras {
  head?: Child;
  meta?: PageMetaInput;
  /** The "Cite this" block. */
  cite?: Child;
}

/** The parts of a publication's page that only its own data shape (see PublicationParts). */
export async function renderPublicationParts(
  props: PublicationExtras & { ctx: PageContext; pub: PublicationView },
): Promise<PublicationParts> {
  const { ctx, pub } = props;
  const sectionTitle = localizedText(ctx.locale, pub.section.title, pub.section.titleKo);
  const [head, breadcrumbs, header, body] = await Promise.all([
    // Inside <head>: elsewhere, Hono treats <meta> and <link> as tags to hoist and de-duplicate
    // by name, which would keep one citation_author of three.
    Promise.resolve(
      (
        <head>
          <PageMeta ctx={ctx} title={pub.title} meta={props.meta} />
          {props.head}
        </head>
      ).toString(),
    ).then((html) => html.slice('<head>'.length, -'</head>'.length)),
    (
      <Breadcrumbs
        ctx={ctx}
        trail={[
          {
            label: sectionTitle,
            path: `/${pub.section.slug}/`,
            lang: ctx.locale === 'ko' && !pub.section.titleKo ? 'en' : undefined,
          },
          { label: pub.title, lang: pub.language },
        ]}
      />
    ).toString(),
    (<Header ctx={ctx} pub={pub} />).toString(),
    (<Body ctx={ctx} pub={pub} cite={props.cite} />).toString(),
  ]);
  return {
    head,
    breadcrumbs,
    header,
    body,
    digest: digestOfParts(head, breadcrumbs, header, body),
  };
}

function Header(props: { ctx: PageContext; pub: PublicationView }) {
  const { ctx, pub } = props;
  const updated =
    pub.revisedAt && pub.revisedAt.slice(0, 10) !== pub.publishedAt.slice(0, 10)
      ? pub.revisedAt
      : null;
  return (
    <header class="publication-header">
      <p class="type">{ctx.t(`type.${pub.type}` as MessageKey)}</p>
      <h1 lang={pub.language}>{pub.title}</h1>
      {pub.subtitle ? (
        <p class="subtitle" lang={pub.language}>
          {pub.subtitle}
        </p>
      ) : null}
      <Byline ctx={ctx} contributors={pub.contributors} />
      <p class="meta">
        {ctx.t('pub.published')}{' '}
        <time datetime={pub.publishedAt.slice(0, 10)}>
          {formatDate(pub.publishedAt, ctx.locale)}
        </time>
        {updated ? (
          <>
            {' · '}
            {ctx.t('pub.updated')}{' '}
            <time datetime={updated.slice(0, 10)}>{formatDate(updated, ctx.locale)}</time>
          </>
        ) : null}
        {pub.reportNumber ? (
          <>
            {' · '}
            {ctx.t('pub.reportNumber')} {pub.reportNumber}
          </>
        ) : null}
      </p>
      {pub.venue && !pub.excerptOnly ? (
        <p class="venue">
          {ctx.t(pub.venue.kind === 'event' ? 'entry.presentedAt' : 'entry.firstPublishedIn', {
            venue: localizedText(ctx.locale, pub.venue.name, pub.venue.nameKo),
          })}
          {pub.externalUrl ? (
            <>
              {' '}
              <a href={pub.externalUrl} rel="external noopener">
                {new URL(pub.externalUrl).hostname}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </header>
  );
}

/** Links to the piece in other languages and to its series neighbours, as public right now. */
function Neighbours(props: { ctx: PageContext } & PublicationNeighbours) {
  const { ctx, series, translations } = props;
  return (
    <>
      {translations.length > 0 ? (
        <p class="translations">
          {ctx.t('pub.translations')}:{' '}
          {translations.map((tr) => (
            <a href={href(ctx.locale, tr.path)} hreflang={tr.language} lang={tr.language}>
              {tr.title} ({LANGUAGE_NAMES[tr.language] ?? tr.language})
            </a>
          ))}
        </p>
      ) : null}
      {series ? (
        <nav class="series" aria-label={series.series.title}>
          <p>
            {ctx.t('pub.series', {
              position: series.position,
              series: localizedText(ctx.locale, series.series.title, series.series.titleKo),
            })}
          </p>
          <ul>
            <SeriesNeighbour ctx={ctx} to={series.previous} rel="prev" label="pub.seriesPrevious" />
            <SeriesNeighbour ctx={ctx} to={series.next} rel="next" label="pub.seriesNext" />
          </ul>
        </nav>
      ) : null}
    </>
  );
}

/** The piece before or after this one in its series, when there is one. */
function SeriesNeighbour(props: {
  ctx: PageContext;
  to: { path: string; title: string } | null | undefined;
  rel: 'prev' | 'next';
  label: MessageKey;
}) {
  const { ctx, to } = props;
  if (!to) return null;
  return (
    <li>
      {ctx.t(props.label)}:{' '}
      <a href={href(ctx.locale, to.path)} rel={props.rel}>
        {to.title}
      </a>
    </li>
  );
}

function Body(props: { ctx: PageContext; pub: PublicationView; cite?: Child }) {
  const { ctx, pub } = props;
  return (
    <>
      {pub.summary ? (
        <section class="abstract" aria-labelledby="summary-heading">
          <h2 id="summary-heading">{ctx.t('pub.summary')}</h2>
          <div
            lang={pub.language}
            dangerouslySetInnerHTML={{ __html: renderMarkdown(pub.summary) }}
          />
        </section>
      ) : null}

      {pub.bodyHtml ? (
        <div class="body" lang={pub.language} dangerouslySetInnerHTML={{ __html: pub.bodyHtml }} />
      ) : null}

      {pub.excerptOnly ? (
        <p class="actions">
          <VenueLink ctx={ctx} entry={pub} />
        </p>
      ) : null}

      {pub.files.length > 0 ? (
        <section aria-labelledby="files-heading">
          <h2 id="files-heading">{ctx.t('pub.files')}</h2>
          <ul class="files">
            {pub.files.map((f) => (
              <li>
                <PdfLink
                  ctx={ctx}
                  file={f}
                  label={
                    f.role === 'main-pdf' ? ctx.t('entry.downloadPdf') : (f.title ?? f.fileName)
                  }
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {pub.topics.length > 0 || pub.places.length > 0 ? (
        <section class="tags" aria-label={ctx.t('pub.keywords')}>
          {pub.topics.length > 0 ? (
            <p>
              {ctx.t('pub.keywords')}:{' '}
              {pub.topics.map((topic, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={href(ctx.locale, `/topics/${topic.slug}/`)}>
                    <Localized locale={ctx.locale} en={topic.name} ko={topic.nameKo} />
                  </a>
                </>
              ))}
            </p>
          ) : null}
          {pub.places.length > 0 ? (
            <p>
              {ctx.t('pub.places')}:{' '}
              {pub.places.map((place, i) => (
                <>
                  {i > 0 ? '; ' : ''}
                  <a href={href(ctx.locale, `/places/${place.slug}/`)}>{place.label}</a>
                </>
              ))}
            </p>
          ) : null}
        </section>
      ) : null}

      {props.cite}

      {pub.disclaimer ? (
        <aside class="disclaimer" aria-label={ctx.t('pub.disclaimer')}>
          <p>{ctx.locale === 'ko' && pub.disclaimerKo ? pub.disclaimerKo : pub.disclaimer}</p>
        </aside>
      ) : null}
    </>
  );
}

/** Of the four parts, as JSON so that no two different sets of parts read alike. */
function digestOfParts(...parts: string[]): string {
  return hash('sha1', JSON.stringify(parts));
}
