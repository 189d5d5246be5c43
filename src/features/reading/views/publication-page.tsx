import { hash } from 'node:crypto';
import type { Child } from 'hono/jsx';
import { headFootnotes, renderMarkdown } from '../../../core/markdown/markdown.ts';
import type {
  PublicationNeighbours,
  PublicationParts,
  PublicationView,
  TranslationView,
} from '../../../core/public-views.ts';
import { Breadcrumbs } from '../../../ui/components/breadcrumbs.tsx';
import { href } from '../../../ui/components/links.ts';
import { Localized, localizedText } from '../../../ui/components/localized.tsx';
import { PageMeta, type PageMetaInput } from '../../../ui/components/page-meta.tsx';
import { DateAt } from '../../../ui/components/published-date.tsx';
import type { MessageKey } from '../../../ui/i18n/messages.en.ts';
import { StoredText } from '../../../ui/i18n/stored-text.tsx';
import { formatDate } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { type RenderedPage, renderInFrame } from '../../../ui/pages/layout.tsx';
import { Byline } from './byline.tsx';
import { CoverImage } from './cover-image.tsx';
import { PdfLink } from './pdf-link.tsx';
import { SceneTimeline } from './scene-timeline.tsx';
import { VenueLink } from './venue-link.tsx';
import { VersionsBlock } from './versions-block.tsx';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ko: '한국어' };

/**
 * A publication's page, as the bytes to send: the frame around its stored or freshly rendered
 * parts, with its neighbours (translations, series) rendered for this moment.
 *
 * On a wide screen the text keeps its measure on the left and an aside holds the facts, cover
 * and files, then the series, places, key words and citation; on a phone the facts follow the
 * title block, and the rest follows the text (assets/site.css places the parts).
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
  const [translationsHtml, seriesHtml] = await Promise.all([
    translations.length > 0
      ? (<Translations ctx={ctx} translations={translations} />).toString()
      : '',
    series ? (<SeriesNavigator ctx={ctx} series={series} />).toString() : '',
  ]);
  const neighbours = translationsHtml + seriesHtml;
  return renderInFrame(ctx, {
    title: props.title,
    // The parts and the neighbours are all the head and the content hold.
    digest:
      neighbours === ''
        ? parts.digest
        : hash('sha1', `${parts.digest}\n${translationsHtml}\n${seriesHtml}`),
    headHtml: parts.head,
    main: [
      parts.breadcrumbs,
      '<article class="publication">',
      parts.header,
      translationsHtml,
      parts.body,
      seriesHtml,
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

/** The title block: what the piece is, its title and who wrote it. */
function Header(props: { ctx: PageContext; pub: PublicationView }) {
  const { ctx, pub } = props;
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
        <DateAt iso={pub.publishedAt} precision={pub.publishedPrecision} locale={ctx.locale} />
      </p>
    </header>
  );
}

/** The same piece in other languages, as public right now. */
function Translations(props: { ctx: PageContext; translations: TranslationView[] }) {
  const { ctx } = props;
  return (
    <p class="translations">
      {ctx.t('pub.translations')}:{' '}
      {props.translations.map((tr) => (
        <a href={href(ctx.locale, tr.path)} hreflang={tr.language} lang={tr.language}>
          {tr.title} ({LANGUAGE_NAMES[tr.language] ?? tr.language})
        </a>
      ))}
    </p>
  );
}

/**
 * Every part of the series up to the last public one, in order: public parts are links, this
 * one is marked, and a part not public is named by its number alone, never by its title.
 */
function SeriesNavigator(props: {
  ctx: PageContext;
  series: NonNullable<PublicationNeighbours['series']>;
}) {
  const { ctx, series } = props;
  const name = localizedText(ctx.locale, series.series.title, series.series.titleKo);
  const parts = series.parts ?? [];
  return (
    <nav class="series" aria-labelledby="series-heading">
      <h2 id="series-heading">{ctx.t('pub.seriesParts', { series: name })}</h2>
      <p>{ctx.t('pub.series', { position: series.position, series: name })}</p>
      {series.series.source ? (
        <div class="series-source">
          {ctx.t('pub.seriesSource')}:{' '}
          <StoredText locale={ctx.locale} text={series.series.source} />
        </div>
      ) : null}
      <ol>
        {parts.map((part) => (
          <li value={String(part.position)} class={part.link ? undefined : 'unpublished'}>
            {!part.link ? (
              ctx.t('pub.seriesUnpublished', { position: part.position })
            ) : part.current ? (
              <span aria-current="page">
                {ctx.t('pub.seriesPart', { position: part.position })}: {part.link.title}{' '}
                {ctx.t('pub.seriesHere')}
              </span>
            ) : (
              <>
                {ctx.t('pub.seriesPart', { position: part.position })}:{' '}
                <a href={href(ctx.locale, part.link.path)} rel={relTo(series, part.link.path)}>
                  {part.link.title}
                </a>
              </>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function relTo(
  series: NonNullable<PublicationNeighbours['series']>,
  path: string,
): 'prev' | 'next' | undefined {
  if (series.previous?.path === path) return 'prev';
  if (series.next?.path === path) return 'next';
  return undefined;
}

/**
 * The stored part after the header: the facts aside (cover, facts, files), the text (summary,
 * body, the way to the original), and the aside of what leads elsewhere (places, key words,
 * citation). Each is a child of the article, which lays them out.
 */
function Body(props: { ctx: PageContext; pub: PublicationView; cite?: Child }) {
  const { ctx, pub } = props;
  return (
    <>
      <Facts ctx={ctx} pub={pub} />
      <div class="pub-text">
        {pub.summary ? (
          <section class="abstract" aria-labelledby="summary-heading">
            <h2 id="summary-heading">
              {ctx.t(archiveWrote(pub, 'summary') ? 'pub.summaryByArchive' : 'pub.summary')}
            </h2>
            <div
              lang={pub.language}
              dangerouslySetInnerHTML={{
                __html: headFootnotes(
                  renderMarkdown(pub.summary, { idPrefix: 'summary' }),
                  ctx.t('pub.notes'),
                  3,
                ),
              }}
            />
          </section>
        ) : null}

        {pub.bodyHtml && archiveWrote(pub, 'body') ? (
          <p class="archive-text">{ctx.t('pub.bodyByArchive')}</p>
        ) : null}
        {pub.bodyHtml ? (
          <div
            class="body"
            lang={pub.language}
            dangerouslySetInnerHTML={{ __html: headFootnotes(pub.bodyHtml, ctx.t('pub.notes')) }}
          />
        ) : null}
        {pub.scenes.length > 1 ? (
          <SceneTimeline
            ctx={ctx}
            scenes={pub.scenes}
            heading={ctx.t('scene.inThisReport')}
            id="publication-imagery"
          />
        ) : null}

        {pub.excerptOnly ? (
          <p class="actions">
            <VenueLink ctx={ctx} entry={pub} />
          </p>
        ) : null}

        {pub.disclaimer ? (
          <aside class="disclaimer" aria-label={ctx.t('pub.disclaimer')}>
            <p>{ctx.locale === 'ko' && pub.disclaimerKo ? pub.disclaimerKo : pub.disclaimer}</p>
          </aside>
        ) : null}
      </div>

      {pub.topics.length > 0 || pub.places.length > 0 || pub.keywords || props.cite ? (
        <aside class="pub-more" aria-label={ctx.t('pub.more')}>
          <Tags ctx={ctx} pub={pub} />
          {props.cite}
        </aside>
      ) : null}
      <VersionsBlock ctx={ctx} pub={pub} />
    </>
  );
}

/** What the piece is, when and where it appeared, who made it, its cover and its files. */
function Facts(props: { ctx: PageContext; pub: PublicationView }) {
  const { ctx, pub } = props;
  const updated =
    pub.revisedAt && pub.revisedAt.slice(0, 10) !== pub.publishedAt.slice(0, 10)
      ? pub.revisedAt
      : null;
  const cover = pub.files.find((f) => f.role === 'main-pdf')?.cover;
  return (
    <aside class="pub-facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading" class="aside-heading">
        {ctx.t('pub.facts')}
      </h2>
      {cover ? <CoverImage ctx={ctx} cover={cover} title={pub.title} /> : null}
      <dl class="facts">
        <dt>{ctx.t('pub.type')}</dt>
        <dd>{ctx.t(`type.${pub.type}` as MessageKey)}</dd>
        <dt>{ctx.t('pub.published')}</dt>
        <dd>
          <DateAt iso={pub.publishedAt} precision={pub.publishedPrecision} locale={ctx.locale} />
        </dd>
        {updated ? (
          <>
            <dt>{ctx.t('pub.updated')}</dt>
            <dd>
              <time datetime={updated.slice(0, 10)}>{formatDate(updated, ctx.locale)}</time>
            </dd>
          </>
        ) : null}
        {pub.contributors.length > 0 ? (
          <>
            <dt>{ctx.t('pub.contributors')}</dt>
            {pub.contributors.map((c) => (
              <dd>
                <a href={href(ctx.locale, `/people/${c.personSlug}/`)}>{c.name}</a>
                <span class="role">
                  {' '}
                  ({ctx.t(`role.${c.role}` as MessageKey)}
                  {c.credit === 'secondary' ? `, ${ctx.t('credit.secondary')}` : ''})
                </span>
                {c.affiliation ? <span class="affiliation">, {c.affiliation}</span> : null}
              </dd>
            ))}
          </>
        ) : null}
        <dt>{ctx.t('pub.section')}</dt>
        <dd>
          <a href={href(ctx.locale, `/${pub.section.slug}/`)}>
            <Localized locale={ctx.locale} en={pub.section.title} ko={pub.section.titleKo} />
          </a>
        </dd>
        {pub.series ? (
          <>
            <dt>{ctx.t('pub.seriesName')}</dt>
            <dd>
              <a href="#series-heading">
                {ctx.t('pub.series', {
                  position: pub.series.position,
                  series: localizedText(
                    ctx.locale,
                    pub.series.series.title,
                    pub.series.series.titleKo,
                  ),
                })}
              </a>
            </dd>
          </>
        ) : null}
        {pub.translatedBy ? (
          <>
            <dt>{ctx.t('role.translator')}</dt>
            <dd>
              {ctx.t('pub.translatedBy', {
                translator: localizedText(
                  ctx.locale,
                  pub.translatedBy.name,
                  pub.translatedBy.nameKo,
                ),
                language: languageName(ctx, pub),
              })}
            </dd>
          </>
        ) : null}
        {pub.reportNumber ? (
          <>
            <dt>{ctx.t('pub.reportNumber')}</dt>
            <dd>{pub.reportNumber}</dd>
          </>
        ) : null}
        {pub.doi ? (
          <>
            <dt>DOI</dt>
            <dd>
              <a href={`https://doi.org/${pub.doi}`} rel="external noopener">
                {pub.doi}
              </a>
            </dd>
          </>
        ) : null}
        {pub.venue ? (
          <>
            <dt>{ctx.t('pub.originalVenue')}</dt>
            <dd>
              {ctx.t(
                pub.venue.kind === 'event'
                  ? 'entry.presentedAt'
                  : pub.venueStatus === 'forthcoming'
                    ? 'entry.forthcomingIn'
                    : 'entry.firstPublishedIn',
                { venue: localizedText(ctx.locale, pub.venue.name, pub.venue.nameKo) },
              )}
              {pub.externalUrl && !pub.excerptOnly ? (
                <>
                  {' '}
                  <a href={pub.externalUrl} rel="external noopener">
                    {new URL(pub.externalUrl).hostname}
                  </a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {pub.files.length > 0 ? (
        <section class="files-block" aria-labelledby="files-heading">
          <h3 id="files-heading">{ctx.t('pub.files')}</h3>
          <ul class="files">
            {pub.files.map((f) => (
              <li>
                <PdfLink
                  ctx={ctx}
                  file={f}
                  label={f.role === 'main-pdf' ? undefined : (f.title ?? f.fileName)}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}

/** The archive's topics and the places the piece is filed under, each to its own page. */
function Tags(props: { ctx: PageContext; pub: PublicationView }) {
  const { ctx, pub } = props;
  if (pub.topics.length === 0 && pub.places.length === 0 && !pub.keywords) return null;
  return (
    <section class="tags" aria-label={ctx.t('pub.topics')}>
      {pub.keywords ? (
        <p>
          {ctx.t('pub.keywords')}: <span lang={pub.language}>{pub.keywords}</span>
        </p>
      ) : null}
      {pub.topics.length > 0 ? (
        <p>
          {ctx.t('pub.topics')}:{' '}
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
              <a href={href(ctx.locale, `/places/${place.slug}/`)}>
                {ctx.locale === 'ko' ? place.labelKo : place.label}
              </a>
            </>
          ))}
        </p>
      ) : null}
    </section>
  );
}

/** Whether the archive, not the authors, wrote this text of the piece. */
function archiveWrote(pub: PublicationView, text: 'summary' | 'body'): boolean {
  return pub.archiveText === text || pub.archiveText === 'summary-and-body';
}

/**
 * The language of the original a translation was made from: the other version in its group,
 * named in the reader's language; English when the group holds no other version in view.
 */
function languageName(ctx: PageContext, pub: PublicationView): string {
  const original = pub.translations.find((t) => t.language !== pub.language)?.language ?? 'en';
  return new Intl.DisplayNames([ctx.locale], { type: 'language' }).of(original) ?? original;
}

/** Of the four parts, as JSON so that no two different sets of parts read alike. */
function digestOfParts(...parts: string[]): string {
  return hash('sha1', JSON.stringify(parts));
}
