/** A <meta> tag: `name` for Highwire, Dublin Core and Twitter; `property` for Open Graph. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };
