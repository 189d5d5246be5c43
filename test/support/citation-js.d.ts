/** citation-js ships no types; the tests use this much of it to read citations back. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}

declare module '@citation-js/plugin-ris';
