import type { PublicationRecord } from '../../../core/entities.ts';
import type { PublicationInput } from '../../../core/schemas.ts';
import type { PublicationFormValues } from '../views/publication-form.tsx';

type Body = Record<string, string | File | Array<string | File>>;

const str = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? [v]
      : [];

/** Reads the posted form into the typed-as-strings values the form shows back on an error. */
export function formValues(body: Body): PublicationFormValues {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(body)) {
    const m =
      /^contributions\[(\d{1,3})\]\[(personId|role|credit|affiliationLabel|position)\]$/.exec(key);
    if (!m) continue;
    const row = rows.get(Number(m[1])) ?? {};
    row[m[2]!] = str(value);
    rows.set(Number(m[1]), row);
  }
  const contributions = [...rows.entries()]
    .filter(([, r]) => r.personId)
    .sort(([a, x], [b, y]) => Number(x.position || a + 1) - Number(y.position || b + 1) || a - b)
    .map(([, r]) => ({
      personId: r.personId ?? '',
      role: r.role || 'author',
      credit: r.credit || 'primary',
      affiliationLabel: r.affiliationLabel ?? '',
    }));
  return {
    sectionId: str(body.sectionId),
    slug: str(body.slug).trim(),
    type: str(body.type),
    title: str(body.title),
    subtitle: str(body.subtitle),
    summary: str(body.summary),
    body: str(body.body).replace(/\r\n/g, '\n'),
    language: str(body.language) || 'en',
    translationGroup: str(body.translationGroup),
    publishedAt: str(body.publishedAt),
    publishedPrecision: str(body.publishedPrecision) || 'day',
    revisedAt: str(body.revisedAt),
    embargoUntil: str(body.embargoUntil),
    venueId: str(body.venueId),
    venueStatus: str(body.venueStatus) || 'published',
    externalUrl: str(body.externalUrl).trim(),
    excerptOnly: str(body.excerptOnly) === '1',
    seriesId: str(body.seriesId),
    seriesPosition: str(body.seriesPosition),
    reportNumber: str(body.reportNumber),
    doi: str(body.doi).trim(),
    disclaimer: str(body.disclaimer),
    keywords: str(body.keywords),
    archiveText: str(body.archiveText),
    translatedById: str(body.translatedById),
    needsAttention: str(body.needsAttention),
    contributions,
    topicIds: list(body.topicIds),
    placeIds: list(body.placeIds),
  };
}

const optionalId = (v: string) => (v ? Number(v) : null);
const optionalText = (v: string) => (v.trim() ? v : null);
/**
 * Form dates are days, or local date-times to the minute or the second without a zone; the
 * archive reads them as UTC. Anything else goes on as typed, for the schema to refuse by name.
 */
export function formInstant(v: string): string | null {
  const value = v.trim();
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00.000Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00.000Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value)) return `${value}.000Z`;
  return value;
}
const optionalInstant = formInstant;

/** The values as the service's input; the domain schema does the validating. */
export function toInput(
  v: PublicationFormValues,
  status: PublicationRecord['status'],
  current?: PublicationRecord,
): PublicationInput {
  return {
    sectionId: Number(v.sectionId),
    slug: v.slug,
    type: v.type as PublicationInput['type'],
    title: v.title,
    subtitle: optionalText(v.subtitle),
    summary: optionalText(v.summary),
    body: v.body,
    language: v.language,
    translationGroup: optionalText(v.translationGroup),
    status,
    publishedAt: optionalInstant(v.publishedAt),
    publishedPrecision: v.publishedPrecision as PublicationInput['publishedPrecision'],
    revisedAt: optionalInstant(v.revisedAt),
    scheduledAt: current?.scheduledAt ?? null,
    embargoUntil: optionalInstant(v.embargoUntil),
    withdrawnReason: current?.withdrawnReason ?? null,
    venueId: optionalId(v.venueId),
    venueStatus: v.venueStatus as PublicationInput['venueStatus'],
    externalUrl: optionalText(v.externalUrl),
    excerptOnly: v.excerptOnly,
    seriesId: optionalId(v.seriesId),
    seriesPosition: v.seriesPosition ? Number(v.seriesPosition) : null,
    reportNumber: optionalText(v.reportNumber),
    doi: optionalText(v.doi),
    disclaimer: optionalText(v.disclaimer),
    keywords: optionalText(v.keywords),
    archiveText: (optionalText(v.archiveText) ?? null) as PublicationInput['archiveText'],
    translatedById: optionalId(v.translatedById),
    needsAttention: optionalText(v.needsAttention),
    contributions: v.contributions.map((c) => ({
      personId: Number(c.personId),
      role: c.role as never,
      credit: c.credit as never,
      affiliationLabel: optionalText(c.affiliationLabel),
    })),
    topicIds: v.topicIds.map(Number),
    placeIds: v.placeIds.map(Number),
  };
}

/** A stored record as form values. */
export function recordValues(p: PublicationRecord): PublicationFormValues {
  return {
    sectionId: String(p.sectionId),
    slug: p.slug,
    type: p.type,
    title: p.title,
    subtitle: p.subtitle ?? '',
    summary: p.summary ?? '',
    body: p.body,
    language: p.language,
    translationGroup: p.translationGroup ?? '',
    publishedAt: p.publishedAt?.slice(0, 10) ?? '',
    publishedPrecision: p.publishedPrecision,
    revisedAt: p.revisedAt?.slice(0, 10) ?? '',
    embargoUntil: p.embargoUntil?.slice(0, 16) ?? '',
    venueId: p.venueId ? String(p.venueId) : '',
    venueStatus: p.venueStatus,
    externalUrl: p.externalUrl ?? '',
    excerptOnly: p.excerptOnly,
    seriesId: p.seriesId ? String(p.seriesId) : '',
    seriesPosition: p.seriesPosition ? String(p.seriesPosition) : '',
    reportNumber: p.reportNumber ?? '',
    doi: p.doi ?? '',
    disclaimer: p.disclaimer ?? '',
    keywords: p.keywords ?? '',
    archiveText: p.archiveText ?? '',
    translatedById: p.translatedById ? String(p.translatedById) : '',
    needsAttention: p.needsAttention ?? '',
    contributions: p.contributions.map((c) => ({
      personId: String(c.personId),
      role: c.role,
      credit: c.credit,
      affiliationLabel: c.affiliationLabel ?? '',
    })),
    topicIds: p.topicIds.map(String),
    placeIds: p.placeIds.map(String),
  };
}
