import { jsonLdText } from '../head/site-jsonld.ts';

/**
 * A JSON-LD data block. Browsers never run a <script> whose type is application/ld+json, and the
 * Content-Security-Policy does not apply to data blocks, so this adds no executable script. The
 * JSON is written raw (JSX would HTML-escape it), with "<" escaped so it cannot close the block.
 */
export function JsonLd(props: { data: object }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: jsonLdText(props.data) }}
    />
  );
}
