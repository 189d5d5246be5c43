import { type ImageRecord, imageText, pictureSources } from '../../core/images.ts';
import type { Locale } from '../i18n/locales.ts';

/**
 * An image of the archive as `<picture>`: AVIF, then WebP, then the JPEG or PNG fallback, each
 * with its `srcset`, and the width and height so the page does not shift as it loads. `sizes`
 * says how wide it is shown; `maxWidth` leaves out copies wider than a small slot needs.
 */
export function Picture(props: {
  image: ImageRecord;
  locale: Locale;
  sizes: string;
  maxWidth?: number;
  class?: string;
  /** Below the fold (the default): fetched when the reader gets near it. */
  lazy?: boolean;
}) {
  const p = pictureSources(props.image, props.maxWidth);
  const { alt } = imageText(props.image, props.locale);
  const altLang =
    props.locale === 'ko' && !props.image.altKo && alt
      ? 'en'
      : props.locale === 'en' && !props.image.alt && alt
        ? 'ko'
        : undefined;
  return (
    <picture>
      {p.sources.map((s) => (
        <source type={s.type} srcset={s.srcset} sizes={props.sizes} />
      ))}
      <img
        class={props.class}
        src={p.fallback.src}
        srcset={p.fallback.srcset}
        sizes={props.sizes}
        width={p.width}
        height={p.height}
        alt={alt}
        lang={altLang}
        loading={props.lazy === false ? undefined : 'lazy'}
        decoding="async"
      />
    </picture>
  );
}
