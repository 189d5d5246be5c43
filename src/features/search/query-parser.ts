import { sanitize } from './analyzer.ts';
import type { SearchNote } from './search-notes.ts';

/**
 * The reader's query, parsed by us into a tree; nothing a reader types ever reaches FTS5 or
 * tsquery syntax directly. The parser never throws: stray operators, unbalanced quotes and
 * brackets, and runaway lengths are repaired or dropped, with a note the page can show.
 *
 *   words         all must match          sanctions camps
 *   "a phrase"    in this order           "prison camps"
 *   -word         must not match          -china   -"united nations"
 *   a OR b        either (also a | b)     sanctions OR embargo
 *   prefix*       any word starting so    sanct*
 *   ( … )         grouping                (camp OR prison) flooding
 *   field:value   a filter                author:cohen type:report section:reports topic:sanctions
 *                                         place:hamgyong lang:ko year:2016 year:2013..2016
 */
export type QueryNode =
  | { kind: 'term'; text: string; prefix: boolean; span: Span }
  | { kind: 'phrase'; text: string; span: Span }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

export type Span = readonly [start: number, end: number];

export const FILTER_FIELDS = [
  'author',
  'type',
  'section',
  'topic',
  'place',
  'lang',
  'year',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface FieldFilter {
  field: FilterField;
  value: string;
  negated: boolean;
}

export interface ParsedQuery {
  /** The query as parsed (sanitized and possibly shortened); spans point into it. */
  text: string;
  root: QueryNode | null;
  filters: FieldFilter[];
  notes: SearchNote[];
}

export const MAX_QUERY_LENGTH = 500;
export const MAX_TERMS = 32;

const FIELD_ALIASES: Record<string, FilterField> = {
  author: 'author',
  by: 'author',
  person: 'author',
  type: 'type',
  section: 'section',
  topic: 'topic',
  place: 'place',
  lang: 'lang',
  language: 'lang',
  year: 'year',
};

type Lexeme =
  | { kind: 'word'; text: string; prefix: boolean; span: Span; negated: boolean }
  | { kind: 'phrase'; text: string; span: Span; negated: boolean }
  | { kind: 'field'; field: FilterField; value: string; negated: boolean }
  | { kind: 'or' }
  | { kind: 'not' }
  | { kind: 'open'; negated: boolean }
  | { kind: 'close' };

export function parseQuery(input: string): ParsedQuery {
  const notes: SearchNote[] = [];
  let text = sanitize(input).replace(/\s+/g, ' ').trim();
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    notes.push({ key: 'search.note.shortened', values: { max: MAX_QUERY_LENGTH } });
  }
  const lexemes = lex(text, notes);
  const filters: FieldFilter[] = [];
  const parser = new Parser(lexemes, filters, notes);
  const root = limitTerms(simplify(parser.parseAll()), notes);
  return { text, root, filters, notes };
}

function lex(text: string, notes: SearchNote[]): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  let unbalanced = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    let negated = false;
    let start = i;
    if (c === '-' && i + 1 < text.length && text[i + 1] !== ' ') {
      negated = true;
      start = ++i;
    }
    const ch = text[i]!;
    if (ch === '"') {
      const close = text.indexOf('"', i + 1);
      if (close === -1) unbalanced = true;
      const end = close === -1 ? text.length : close;
      const inner = text.slice(i + 1, end);
      if (inner.trim()) out.push({ kind: 'phrase', text: inner, span: [i + 1, end], negated });
      i = end + 1;
      continue;
    }
    if (ch === '(') {
      out.push({ kind: 'open', negated });
      i++;
      continue;
    }
    if (ch === ')') {
      out.push({ kind: 'close' });
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && !' "()'.includes(text[end]!)) end++;
    const raw = text.slice(i, end);
    i = end;
    if (!negated && (raw === 'OR' || raw === '|' || raw === '||')) {
      out.push({ kind: 'or' });
      continue;
    }
    if (!negated && (raw === 'AND' || raw === '&' || raw === '&&' || raw === '+')) continue;
    // FTS5's NEAR( is an operator a reader may paste; here it means nothing.
    if (raw === 'NEAR' && text[i] === '(') continue;
    if (!negated && raw === 'NOT') {
      out.push({ kind: 'not' });
      continue;
    }
    const field = /^([A-Za-z]+):(.*)$/.exec(raw);
    const alias = field ? FIELD_ALIASES[field[1]!.toLowerCase()] : undefined;
    if (field && alias) {
      let value = field[2]!;
      if (value === '' && text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close === -1) unbalanced = true;
        const stop = close === -1 ? text.length : close;
        value = text.slice(i + 1, stop);
        i = stop + 1;
      }
      if (value.trim()) out.push({ kind: 'field', field: alias, value: value.trim(), negated });
      else notes.push({ key: 'search.note.needsValue', values: { field: field[1]!, alias } });
      continue;
    }
    const stars = /\*+$/.exec(raw);
    const lead = /^\*+/.exec(raw)?.[0].length ?? 0;
    const word = raw.replace(/^\*+/, '').replace(/\*+$/, '');
    // A "word" of operators alone (*, :, -, NEAR's bracket) carries nothing to search for.
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    out.push({
      kind: 'word',
      text: word,
      prefix: stars !== null,
      span: [start + lead, start + lead + word.length],
      negated,
    });
  }
  if (unbalanced) notes.push({ key: 'search.note.unclosedQuote' });
  return out;
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly filters: FieldFilter[],
    private readonly notes: SearchNote[],
  ) {}

  parseAll(): QueryNode | null {
    const children: QueryNode[] = [];
    while (this.i < this.lexemes.length) {
      if (this.lexemes[this.i]!.kind === 'close') {
        this.i++; // a closing bracket with no opening one
        continue;
      }
      const node = this.parseOr();
      if (node) children.push(node);
    }
    return children.length === 0 ? null : { kind: 'and', children };
  }

  private parseSequence(): QueryNode | null {
    const children: QueryNode[] = [];
    while (this.i < this.lexemes.length && this.lexemes[this.i]!.kind !== 'close') {
      const node = this.parseOr();
      if (node) children.push(node);
    }
    return children.length === 0 ? null : { kind: 'and', children };
  }

  private parseOr(): QueryNode | null {
    const first = this.parseUnary();
    const children = first ? [first] : [];
    while (this.lexemes[this.i]?.kind === 'or') {
      this.i++;
      const next = this.parseUnary();
      if (next) children.push(next);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private parseUnary(): QueryNode | null {
    const lexeme = this.lexemes[this.i];
    if (!lexeme) return null;
    this.i++;
    switch (lexeme.kind) {
      case 'or':
      case 'close':
        if (lexeme.kind === 'close') this.i--;
        return null; // an OR with nothing before it
      case 'not': {
        const child = this.parseUnary();
        return child ? { kind: 'not', child } : null;
      }
      case 'word': {
        const node: QueryNode = {
          kind: 'term',
          text: lexeme.text,
          prefix: lexeme.prefix,
          span: lexeme.span,
        };
        return lexeme.negated ? { kind: 'not', child: node } : node;
      }
      case 'phrase': {
        const node: QueryNode = { kind: 'phrase', text: lexeme.text, span: lexeme.span };
        return lexeme.negated ? { kind: 'not', child: node } : node;
      }
      case 'field':
        if (this.depth > 0 || this.lexemes[this.i]?.kind === 'or') {
          this.notes.push({
            key: 'search.note.wholeSearch',
            values: { filter: `${lexeme.field}:${lexeme.value}` },
          });
        }
        this.filters.push({ field: lexeme.field, value: lexeme.value, negated: lexeme.negated });
        return null;
      case 'open': {
        this.depth++;
        const inner = this.parseSequence();
        this.depth--;
        if (this.lexemes[this.i]?.kind === 'close') this.i++;
        if (!inner) return null;
        return lexeme.negated ? { kind: 'not', child: inner } : inner;
      }
    }
  }
}

/** Flattens nested ANDs and ORs, drops empty groups and double negations. */
function simplify(node: QueryNode | null): QueryNode | null {
  if (!node) return null;
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return node;
    case 'not': {
      const child = simplify(node.child);
      if (!child) return null;
      return child.kind === 'not' ? child.child : { kind: 'not', child };
    }
    case 'and':
    case 'or': {
      const children: QueryNode[] = [];
      for (const c of node.children) {
        const s = simplify(c);
        if (!s) continue;
        if (s.kind === node.kind) children.push(...s.children);
        else children.push(s);
      }
      if (children.length === 0) return null;
      return children.length === 1 ? children[0]! : { kind: node.kind, children };
    }
  }
}

/** Keeps the first MAX_TERMS words and phrases: a longer query is a paste, not a search. */
function limitTerms(node: QueryNode | null, notes: SearchNote[]): QueryNode | null {
  let budget = MAX_TERMS;
  let cut = false;
  const walk = (n: QueryNode): QueryNode | null => {
    if (n.kind === 'term' || n.kind === 'phrase') {
      if (budget <= 0) {
        cut = true;
        return null;
      }
      budget--;
      return n;
    }
    if (n.kind === 'not') {
      const child = walk(n.child);
      return child ? { kind: 'not', child } : null;
    }
    const children = n.children.map(walk).filter((c): c is QueryNode => c !== null);
    if (children.length === 0) return null;
    return children.length === 1 ? children[0]! : { kind: n.kind, children };
  };
  const result = node ? walk(node) : null;
  if (cut) notes.push({ key: 'search.note.tooManyWords', values: { max: MAX_TERMS } });
  return result;
}

/** The words and phrases a query asks for (not the excluded ones), in order. */
export function positiveLeaves(node: QueryNode | null): Array<Extract<QueryNode, { span: Span }>> {
  if (!node) return [];
  if (node.kind === 'term' || node.kind === 'phrase') return [node];
  if (node.kind === 'not') return [];
  return node.children.flatMap(positiveLeaves);
}
