import { PDFDocument, PDFName } from 'pdf-lib';
import { writeTextPdf } from '../../src/infra/pdf/write-text-pdf.ts';

export const LEAKS = {
  author: 'Kim Secret-Source',
  creator: 'Leaky Writer 3.1',
  producer: 'LeakyPDF 9',
};

/**
 * A PDF whose metadata names its maker everywhere a real one might: the information dictionary
 * and an XMP packet. Saved without object streams, so a text search finds the names.
 */
export async function leakyPdf(): Promise<Buffer> {
  const base = await writeTextPdf({
    title: 'Camp 25 Satellite Update',
    pages: ['Guard towers at Camp 25 (Chŏngŏ-ri, 전거리) were rebuilt in 2016.'],
  });
  const doc = await PDFDocument.load(base, { updateMetadata: false });
  doc.setAuthor(LEAKS.author);
  doc.setCreator(LEAKS.creator);
  doc.setProducer(LEAKS.producer);
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:creator><rdf:Seq><rdf:li>${LEAKS.author}</rdf:li></rdf:Seq></dc:creator>
<xmp:CreatorTool>${LEAKS.creator}</xmp:CreatorTool>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
