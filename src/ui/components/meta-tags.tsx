import type { MetaTag } from '../head/meta-tag.ts';

/** <meta> tags, Open Graph ones with `property`, the rest with `name`. */
export function MetaTags(props: { tags: MetaTag[] }) {
  return (
    <>
      {props.tags.map((tag) =>
        'property' in tag ? (
          <meta property={tag.property} content={tag.content} />
        ) : (
          <meta name={tag.name} content={tag.content} />
        ),
      )}
    </>
  );
}
