import type { PdfMetadata } from '../../../core/pdf-ports.ts';

export interface IdentifyingField {
  field: string;
  value: string;
  /** Why an editor might not want to publish it. */
  risk: string;
}

/**
 * The fields an editor should look at before publishing: everything that can name a person,
 * an organization, a machine or a moment. The title is listed too, because working titles
 * ("Interview with K., draft") leak as easily as authors do.
 */
export function identifyingFields(meta: PdfMetadata): IdentifyingField[] {
  const out: IdentifyingField[] = [];
  const add = (field: string, value: string | null, risk: string) => {
    if (value && value.trim() !== '') out.push({ field, value: value.trim(), risk });
  };
  add('author', meta.author, 'names the person who made the file');
  add('creator', meta.creator, 'names the program, sometimes with a user or organization');
  add('producer', meta.producer, 'names the software, which can narrow down a machine');
  add('title', meta.title, 'a working title can reveal more than the published one');
  add('subject', meta.subject, 'free text written by the author');
  add('keywords', meta.keywords, 'free text written by the author');
  add('creationDate', meta.creationDate, 'dates the file, and with it a time zone');
  add('modificationDate', meta.modificationDate, 'dates the last edit');
  for (const [key, value] of Object.entries(meta.custom)) {
    add(`info.${key}`, value, 'a private entry some programs add');
  }
  for (const [key, value] of Object.entries(meta.xmp)) {
    add(`xmp.${key}`, value, 'XMP metadata, which often repeats or extends the fields above');
  }
  if (meta.hasXmp && Object.keys(meta.xmp).length === 0) {
    out.push({
      field: 'xmp',
      value: '(present)',
      risk: 'an XMP packet that may hold edit history',
    });
  }
  return out;
}
