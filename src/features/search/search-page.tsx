import { Breadcrumbs } from '../../ui/components/breadcrumbs.tsx';
import { href } from '../../ui/components/links.ts';
import { PageLinks } from '../../ui/components/pagination.tsx';
import { DateAt } from '../../ui/components/published-date.tsx';
import type { MessageKey } from '../../ui/i18n/messages.en.ts';
import { formatNumber } from '../../ui/i18n/translate.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { Layout } from '../../ui/pages/layout.tsx';
import type { FacetValue } from './facets.ts';
import type { SearchResult, Segment } from './search-archive.ts';
import { noteText } from './search-notes.ts';
import { type FacetParam, toggledSearch, withoutFilters, withPage } from './search-params.ts';

/** Highlighted words as <mark>; every segment is text, escaped by the renderer. */
function Marked(props: { segments: Segment[] }) {
  return <>{props.segments.map((s) => (s.highlighted ? <mark>{s.text}</mark> : s.text))}</>;
}

/** One end of the year range, keeping what the query asked for. */
function YearInput(props: {
  ctx: PageContext;
  params: URLSearchParams;
  name: 'from' | 'to';
  label: MessageKey;
}) {
  const id = `search-${props.name}`;
  return (
    <>
      <label for={id}>{props.ctx.t(props.label)}</label>{' '}
      <input
        id={id}
        name={props.name}
        inputmode="numeric"
        pattern="[0-9]{4}"
        size={4}
        value={props.params.get(props.name) ?? ''}
      />
    </>
  );
}

const FACETS: Array<{
  key: keyof NonNullable<SearchResult['facets']>;
  param: FacetParam;
  label: MessageKey;
}> = [
  { key: 'type', param: 'type', label: 'search.facet.type' },
  { key: 'section', param: 'section', label: 'search.facet.section' },
  { key: 'person', param: 'person', label: 'search.facet.person' },
  { key: 'topic', param: 'topic', label: 'search.facet.topic' },
  { key: 'place', param: 'place', label: 'search.facet.place' },
  { key: 'language', param: 'lang', label: 'search.facet.language' },
];

export function SearchPage(props: {
  ctx: PageContext;
  result: SearchResult | null;
  params: URLSearchParams;
}) {
  const { ctx, result, params } = props;
  const q = params.get('q') ?? '';
  const base = href(ctx.locale, '/search');
  const facetLabel = (key: string, v: FacetValue) =>
    key === 'type'
      ? ctx.t(`type.${v.value}` as MessageKey)
      : key === 'language'
        ? ctx.t(`language.${v.value}` as MessageKey) || v.label
        : ctx.locale === 'ko' && v.labelKo
          ? v.labelKo
          : v.label;
  const title = q ? ctx.t('search.resultsFor', { q: q.slice(0, 80) }) : ctx.t('search.title');
  return (
    <Layout ctx={ctx} title={title} head={<meta name="robots" content="noindex, follow" />}>
      <Breadcrumbs ctx={ctx} trail={[{ label: ctx.t('search.title') }]} />
      <h1>{title}</h1>
      <form method="get" action={base} class="search-form">
        <label for="search-q">{ctx.t('search.label')}</label>
        <div class="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={q}
            maxlength={10000}
            aria-describedby="search-help"
          />
          <button type="submit">{ctx.t('search.button')}</button>
        </div>
        <p id="search-help" class="hint quiet">
          {ctx.t('search.help')}
        </p>
        <div class="search-options">
          <label for="search-sort">{ctx.t('search.sort')}</label>{' '}
          <select id="search-sort" name="sort">
            {(['relevance', 'newest', 'oldest'] as const).map((s) => (
              <option value={s} selected={(result?.sort ?? 'relevance') === s}>
                {ctx.t(`search.sort.${s}`)}
              </option>
            ))}
          </select>{' '}
          <YearInput ctx={ctx} params={params} name="from" label="search.yearFrom" />{' '}
          <YearInput ctx={ctx} params={params} name="to" label="search.yearTo" />
          {[...params.entries()]
            .filter(([k]) => ['type', 'section', 'person', 'topic', 'place', 'lang'].includes(k))
            .map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}{' '}
          <button type="submit">{ctx.t('search.apply')}</button>
        </div>
      </form>

      {result?.message ? <p class="flash">{noteText(result.message, ctx.t)}</p> : null}
      {result?.notes.map((n) => (
        <p class="quiet">{noteText(n, ctx.t)}</p>
      ))}
      {result && result.total === 0 && !result.message ? <p>{ctx.t('search.none')}</p> : null}
      {result?.suggestion ? (
        <p class="suggestion">
          <a href={`${base}?q=${encodeURIComponent(result.suggestion.q)}`}>
            {ctx.t('search.didYouMean', { q: result.suggestion.q })}
          </a>{' '}
          {ctx.t('search.didYouMeanCount', { count: result.suggestion.total })}
        </p>
      ) : null}

      {result && result.total > 0 ? (
        <div class="search-layout">
          <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">
              {ctx.t(result.totalExact ? 'search.count' : 'search.countAtLeast', {
                count: formatNumber(result.total, ctx.locale),
              })}
            </h2>
            <ol class="hits" start={(result.page - 1) * result.pageSize + 1}>
              {result.hits.map((hit) => {
                const path = `/${hit.sectionSlug}/${hit.slug}/`;
                return (
                  <li class="hit">
                    <h3 class="entry-title" lang={hit.language}>
                      <a href={href(ctx.locale, path)}>
                        <Marked segments={hit.titleSegments} />
                      </a>
                    </h3>
                    <p class="meta">
                      {ctx.t(`type.${hit.type}` as MessageKey)}
                      {hit.publishedAt ? (
                        <>
                          {' · '}
                          <DateAt
                            iso={hit.publishedAt}
                            precision={hit.publishedPrecision}
                            locale={ctx.locale}
                          />
                        </>
                      ) : null}
                    </p>
                    <p class="snippet" lang={hit.language}>
                      <Marked segments={hit.snippet} />
                    </p>
                    {hit.pdf.map((pdf) => (
                      <ul class="page-hits">
                        {pdf.pages.map((p) => (
                          <li>
                            <a href={`${path}${encodeURIComponent(pdf.fileName)}#page=${p.page}`}>
                              {ctx.t('search.pdfPage', { page: p.page })}
                            </a>
                            {p.recognized ? (
                              <span class="quiet">
                                {' '}
                                {ctx.t('search.recognizedText', {
                                  confidence: Math.round(p.recognized.confidence),
                                })}
                              </span>
                            ) : null}
                            :{' '}
                            <span lang={hit.language}>
                              <Marked segments={p.snippet} />
                            </span>
                          </li>
                        ))}
                        {pdf.matchingPages > pdf.pages.length ? (
                          <li class="quiet">
                            {ctx.t('search.morePages', {
                              count: pdf.matchingPages - pdf.pages.length,
                            })}
                          </li>
                        ) : null}
                      </ul>
                    ))}
                  </li>
                );
              })}
            </ol>
            <PageLinks
              ctx={ctx}
              page={result.page}
              pages={result.pageCount}
              url={(n) => `${base}${withPage(params, n)}`}
            />
          </section>
          {result.facets ? (
            <aside class="facets" aria-labelledby="facets-heading">
              <h2 id="facets-heading">{ctx.t('search.facets')}</h2>
              <p>
                <a href={`${base}${withoutFilters(params)}`}>{ctx.t('search.clear')}</a>
              </p>
              {FACETS.map(({ key, param, label }) => {
                const values = result.facets![key] as FacetValue[];
                return values.length > 0 ? (
                  <section>
                    <h3>{ctx.t(label)}</h3>
                    <ul>
                      {values.map((v) => (
                        <li>
                          <a
                            href={`${base}${toggledSearch(params, param, v.value)}`}
                            class={v.selected ? 'selected' : undefined}
                          >
                            {v.selected ? '✓ ' : ''}
                            {facetLabel(key, v)}
                          </a>{' '}
                          <span class="quiet">({v.count})</span>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null;
              })}
              {result.facets.year.length > 0 ? (
                <section>
                  <h3>{ctx.t('search.facet.year')}</h3>
                  <ul>
                    {result.facets.year.map((v) => {
                      const next = new URLSearchParams(params);
                      next.set('from', v.value);
                      next.set('to', v.value);
                      next.delete('page');
                      return (
                        <li>
                          <a href={`${base}?${next.toString()}`}>{v.value}</a>{' '}
                          <span class="quiet">({v.count})</span>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ) : null}
            </aside>
          ) : null}
        </div>
      ) : null}
    </Layout>
  );
}
