import { describe, expect, it } from 'vitest';
import { contentDisposition, fileUrlName, keptFileName } from './file-name.ts';

describe('kept file names and their addresses', () => {
  it('keeps the name as uploaded, in NFC, without folders or control characters', () => {
    expect(keptFileName('보고서 Report (final).pdf', 'pdf')).toBe('보고서 Report (final).pdf');
    expect(keptFileName('C:\\Users\\x\\Annual Report.PDF', 'pdf')).toBe('Annual Report.PDF');
    expect(keptFileName('../../.hidden\u202Egnp.pdf', 'pdf')).toBe('hiddengnp.pdf');
    expect(keptFileName('Hamgyo\u0306ng\r\n notes.pdf', 'pdf')).toBe('Hamgyŏng notes.pdf');
  });

  it('ends in the extension the content really has', () => {
    expect(keptFileName('photo.jpeg', 'jpg')).toBe('photo.jpeg');
    expect(keptFileName('scan.tiff', 'png')).toBe('scan.png');
    expect(keptFileName('report', 'pdf')).toBe('report.pdf');
    expect(keptFileName('.pdf', 'pdf')).toBe('file.pdf');
  });

  it('bounds the length of a name', () => {
    const kept = keptFileName(`${'가'.repeat(400)}.pdf`, 'pdf');
    expect(kept.length).toBe(204);
    expect(keptFileName(`${'😀'.repeat(150)}.pdf`, 'pdf')).toBe(`${'😀'.repeat(100)}.pdf`);
  });

  it('gives a safe lower-case ASCII address, the same for a name stored before', () => {
    expect(fileUrlName('보고서 Report (final).pdf')).toBe('bogoseo-report-final.pdf');
    expect(fileUrlName('Photo.JPEG')).toBe('photo.jpg');
    expect(fileUrlName('browser-report.pdf')).toBe('browser-report.pdf');
    expect(fileUrlName('북한인권.pdf')).toBe('bukanningwon.pdf');
    expect(fileUrlName('부록.pdf')).not.toBe(fileUrlName('북한인권.pdf'));
  });

  it('offers the kept name in filename* and the address in filename', () => {
    expect(contentDisposition('inline', "보고서 (it's).pdf")).toBe(
      `inline; filename="bogoseo-it-s.pdf"; filename*=UTF-8''%EB%B3%B4%EA%B3%A0%EC%84%9C%20%28it%27s%29.pdf`,
    );
  });
});
