import { describe, expect, it } from 'vitest';
import { rewriteLink } from './export-html.ts';
import { fileForStaticUrl, staticUrl } from './static-paths.ts';

describe('static paths', () => {
  it('keeps folders, files and feeds at their own addresses', () => {
    expect(staticUrl('/reports/')).toBe('/reports/');
    expect(fileForStaticUrl('/reports/')).toBe('reports/index.html');
    expect(fileForStaticUrl('/')).toBe('index.html');
    expect(fileForStaticUrl('/reports/x/report.pdf')).toBe('reports/x/report.pdf');
    expect(fileForStaticUrl('/people/a/feed.xml')).toBe('people/a/feed.xml');
  });

  it('gives listing pages and the search page folders of their own', () => {
    expect(staticUrl('/topics/north-korea/?page=2')).toBe('/topics/north-korea/page/2/');
    expect(staticUrl('/reports/?page=1')).toBe('/reports/');
    expect(staticUrl('/search')).toBe('/search/');
    expect(staticUrl('/ko/search')).toBe('/ko/search/');
  });

  it('has no file for other query strings, dynamic paths or escapes from the folder', () => {
    expect(staticUrl('/search?q=x')).toBe('/search/');
    expect(staticUrl('/reports/?page=2&x=1')).toBeNull();
    expect(staticUrl('/oai?verb=Identify')).toBeNull();
    expect(fileForStaticUrl('/oai')).toBeNull();
    expect(fileForStaticUrl('/a/%2e%2e/%2e%2e/etc/passwd.txt')).toBeNull();
    expect(fileForStaticUrl('/bad%ZZ.txt')).toBeNull();
  });

  it('rewrites same-site links to their static form and leaves the rest alone', () => {
    const site = 'https://archive.example.org';
    expect(rewriteLink('/reports/?page=3', site)).toBe('/reports/page/3/');
    expect(rewriteLink(`${site}/reports/?page=3`, site)).toBe(`${site}/reports/page/3/`);
    expect(rewriteLink('/search', site)).toBe('/search/');
    expect(rewriteLink('/reports/x/file.pdf#page=2', site)).toBeNull();
    expect(rewriteLink('https://elsewhere.example/?page=2', site)).toBeNull();
  });
});
