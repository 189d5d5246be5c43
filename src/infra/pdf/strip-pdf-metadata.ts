import { randomBytes } from 'node:crypto';
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import type { StrippedPdf } from '../../core/pdf-ports.ts';

const METADATA = PDFName.of('Metadata');
const PIECE_INFO = PDFName.of('PieceInfo');
const TITLE = PDFName.of('Title');

/**
 * Rewrites a PDF without what it says about its making: the information dictionary (author,
 * creator, producer, dates, private entries), every XMP packet (document, page and image
 * level), application private data (PieceInfo), and the file identifier, which can tie the
 * published file to the original on its author's machine. Objects left unreachable (earlier
 * revisions of an incrementally saved file keep old metadata there) are dropped, and the file is
 * written whole, never as an incremental update. Runs inside the sandbox process.
 */
export async function stripPdfMetadata(
  bytes: Uint8Array,
  options: { keepTitle: boolean },
): Promise<StrippedPdf> {
  // updateMetadata: false, or pdf-lib would write its own Producer and dates back in.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = doc.context;
  const removed = new Set<string>();

  const info = context.lookup(context.trailerInfo.Info);
  if (info instanceof PDFDict) {
    for (const key of info.keys()) {
      if (options.keepTitle && key === TITLE) continue;
      info.delete(key);
      removed.add(key.decodeText());
    }
  }
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object;
    if (!(dict instanceof PDFDict)) continue;
    if (dict.has(METADATA)) {
      dict.delete(METADATA);
      removed.add('XMP');
    }
    if (dict.has(PIECE_INFO)) {
      dict.delete(PIECE_INFO);
      removed.add('PieceInfo');
    }
  }
  if (context.trailerInfo.ID) {
    const id = PDFHexString.of(randomBytes(16).toString('hex'));
    context.trailerInfo.ID = context.obj([id, id]);
    removed.add('ID');
  }
  dropUnreachable(context);
  // Without object streams the dictionaries stay plain text, so anyone can check with a text
  // search that no name is left in the file.
  const out = await doc.save({ useObjectStreams: false });
  return { bytes: out, removed: [...removed].sort() };
}

/** Deletes every indirect object that neither the catalog nor the info dictionary reaches. */
function dropUnreachable(context: PDFContext): void {
  const reached = new Set<string>();
  const stack: PDFObject[] = [];
  for (const root of [context.trailerInfo.Root, context.trailerInfo.Info]) {
    if (root) stack.push(root);
  }
  while (stack.length > 0) {
    const object = stack.pop();
    if (object instanceof PDFRef) {
      if (reached.has(object.tag)) continue;
      reached.add(object.tag);
      const target = context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFStream) {
      stack.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) stack.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) stack.push(value);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref.tag)) context.delete(ref);
  }
}
