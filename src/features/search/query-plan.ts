import type { Gazetteer } from '../../core/gazetteer.ts';
import type { MatchExpr } from '../../core/search-index.ts';
import { compoundsOf, isCjk, sanitize, segment, stemOf, tokensOf, type Unit } from './analyzer.ts';
import type { QueryNode } from './query-parser.ts';
import type { SearchNote } from './search-notes.ts';

export interface QueryPlan {
  match: MatchExpr | null;
  notes: SearchNote[];
  /** True when the query excluded words but asked for none. */
  onlyExclusions: boolean;
}

/** A prefix shorter than this would match most of the vocabulary. */
const MIN_PREFIX = 2;
/** The longest run of query words tried as one place name ("Kyo-hwa-so No. 12"). */
const MAX_NAME_WORDS = 6;

export function planQuery(root: QueryNode | null, gazetteer: Gazetteer): QueryPlan {
  const notes: SearchNote[] = [];
  let onlyExclusions = false;
  const plan = (node: QueryNode): MatchExpr | null => {
    switch (node.kind) {
      case 'term':
        return planTerm(node.text, node.prefix, gazetteer, notes);
      case 'phrase':
        return planPhrase(node.text, gazetteer);
      case 'or':
        return combine('or', node.children.map(plan));
      case 'not': {
        onlyExclusions = true;
        return null;
      }
      case 'and': {
        const positives = planSequence(
          node.children.filter((c) => c.kind !== 'not'),
          gazetteer,
          plan,
        );
        const negatives = node.children
          .filter((c): c is Extract<QueryNode, { kind: 'not' }> => c.kind === 'not')
          .map((c) => plan(c.child))
          .filter((c): c is MatchExpr => c !== null);
        if (!positives) {
          if (negatives.length > 0) onlyExclusions = true;
          return null;
        }
        return negatives.length > 0 ? { kind: 'not', positive: positives, negatives } : positives;
      }
    }
  };
  const match = root ? plan(root) : null;
  return { match, notes, onlyExclusions: match === null && onlyExclusions };
}

/**
 * ANDs a run of query parts; consecutive plain words that together spell a place name
 * ("north korea", "Kyo-hwa-so No. 12") also match the place itself.
 */
function planSequence(
  nodes: QueryNode[],
  gazetteer: Gazetteer,
  plan: (n: QueryNode) => MatchExpr | null,
): MatchExpr | null {
  const out: Array<MatchExpr | null> = [];
  let i = 0;
  while (i < nodes.length) {
    let matched = false;
    for (let len = Math.min(MAX_NAME_WORDS, nodes.length - i); len >= 2; len--) {
      const window = nodes.slice(i, i + len);
      if (!window.every((n) => n.kind === 'term' && !n.prefix)) continue;
      const units = window.flatMap((n) => (n.kind === 'term' ? unitsOf(n.text) : []));
      const placeIds = gazetteer.lookup(units);
      if (placeIds.length === 0) continue;
      const words = combine('and', window.map(plan));
      out.push(combine('or', [words, { kind: 'place', placeIds }]));
      i += len;
      matched = true;
      break;
    }
    if (!matched) out.push(plan(nodes[i++]!));
  }
  return combine('and', out);
}

function unitsOf(text: string): Unit[] {
  return segment(sanitize(text));
}

function planTerm(
  text: string,
  prefix: boolean,
  gazetteer: Gazetteer,
  notes: SearchNote[],
): MatchExpr | null {
  const units = unitsOf(text);
  const tokens = tokensOf(units).map((t) => t.text);
  if (tokens.length === 0) return null;
  if (prefix) {
    const last = tokens[tokens.length - 1]!;
    if (last.length >= MIN_PREFIX || isCjk(last)) {
      return { kind: 'phrase', tokens, prefixLast: true };
    }
    notes.push({ key: 'search.note.shortPrefix', values: { word: text } });
  }
  const words: MatchExpr =
    units.length === 1 && units[0]!.script === 'latin'
      ? { kind: 'word', token: tokens[0]!, stem: stemOf(tokens[0]!) }
      : { kind: 'phrase', tokens, prefixLast: false };
  const alternatives: MatchExpr[] = [words];
  const compounds = compoundsOf(units);
  if (compounds.length === 1 && units.every((u) => u.chunk === units[0]!.chunk)) {
    alternatives.push({ kind: 'word', token: compounds[0]!.text, stem: null });
  }
  const placeIds = gazetteer.lookup(units);
  if (placeIds.length > 0) alternatives.push({ kind: 'place', placeIds });
  return combine('or', alternatives);
}

function planPhrase(text: string, gazetteer: Gazetteer): MatchExpr | null {
  const units = unitsOf(text);
  const tokens = tokensOf(units).map((t) => t.text);
  if (tokens.length === 0) return null;
  const phrase: MatchExpr = { kind: 'phrase', tokens, prefixLast: false };
  const placeIds = gazetteer.lookup(units);
  return placeIds.length > 0 ? combine('or', [phrase, { kind: 'place', placeIds }]) : phrase;
}

function combine(kind: 'and' | 'or', parts: Array<MatchExpr | null>): MatchExpr | null {
  const children: MatchExpr[] = [];
  for (const p of parts) {
    if (!p) continue;
    if (p.kind === kind) children.push(...p.children);
    else children.push(p);
  }
  if (children.length === 0) return null;
  return children.length === 1 ? children[0]! : { kind, children };
}

/** The parts of a match that a text must contain somewhere (for highlighting and page hits). */
export function positiveParts(expr: MatchExpr | null): MatchExpr[] {
  if (!expr) return [];
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.children.flatMap(positiveParts);
    case 'not':
      return positiveParts(expr.positive);
    default:
      return [expr];
  }
}

/** Any one of the query's positive parts: the fallback when no single page holds them all. */
export function anyOf(expr: MatchExpr | null): MatchExpr | null {
  return combine('or', positiveParts(expr));
}
