import { describe, expect, it } from 'vitest';
import { pathProblem, publicationAddress, redirectIssues, redirectLoop } from './redirect-rules.ts';

const edges = (...pairs: Array<[string, string]>) =>
  pairs.map(([fromPath, toPath]) => ({ fromPath, toPath }));

describe('redirect rules', () => {
  it('accepts a plain redirect to a new address', () => {
    expect(redirectIssues('/old/page.html', '/reports/new/', [])).toEqual([]);
    expect(redirectLoop('/old/page.html', '/reports/new/', [])).toBeNull();
  });

  it('refuses a redirect to itself', () => {
    expect(redirectLoop('/a/', '/a/', [])).toEqual(['/a/', '/a/']);
    expect(redirectIssues('/a/', '/a/', [])[0]?.path).toBe('toPath');
  });

  it('refuses a → b when b → a exists', () => {
    expect(redirectLoop('/a/', '/b/', edges(['/b/', '/a/']))).toEqual(['/a/', '/b/', '/a/']);
  });

  it('refuses a chain that comes back, however long', () => {
    const existing = edges(['/b/', '/c/'], ['/c/', '/d/'], ['/d/', '/a/']);
    expect(redirectLoop('/a/', '/b/', existing)).toEqual(['/a/', '/b/', '/c/', '/d/', '/a/']);
  });

  it('refuses joining a loop that does not pass through the new address', () => {
    const existing = edges(['/c/', '/d/'], ['/d/', '/c/']);
    expect(redirectLoop('/a/', '/c/', existing)).toEqual(['/a/', '/c/', '/d/', '/c/']);
  });

  it("counts the site's own move from '/x' to '/x/'", () => {
    // '/b/' → '/a' → (folder) '/a/' → '/b/': a loop although no two paths are equal.
    expect(redirectLoop('/a/', '/b/', edges(['/b/', '/a']))).toEqual(['/a/', '/b/', '/a', '/a/']);
    expect(redirectLoop('/a', '/b/', [])).toBeNull();
  });

  it('ignores the query of a target when following the chain', () => {
    expect(redirectLoop('/a/', '/b/?from=a', edges(['/b/', '/a/#top']))).not.toBeNull();
  });

  it('accepts a chain that ends', () => {
    expect(redirectLoop('/a/', '/b/', edges(['/b/', '/c/'], ['/c/', '/d.pdf']))).toBeNull();
  });

  it('wants paths on this site', () => {
    expect(pathProblem('reports/x/', 'from')).toBe('A path starts with /');
    expect(pathProblem('//evil.example/', 'to')).toBe('This would lead to another site');
    expect(pathProblem('/\\evil.example', 'to')).toBe('This would lead to another site');
    // A browser resolves '/.//host' to '//host', another site, on the next request.
    for (const dotted of ['/.//evil.example/x', '/a/..//evil.example/', '/%2e//evil.example/']) {
      expect(pathProblem(dotted, 'to'), dotted).not.toBeNull();
      expect(pathProblem(dotted, 'from'), dotted).not.toBeNull();
    }
    expect(pathProblem('https://evil.example/', 'to')).toBe('A path starts with /');
    expect(pathProblem('/a b/', 'from')).not.toBeNull();
    expect(pathProblem('/old?id=3', 'from')).not.toBeNull();
    expect(pathProblem('/new/?id=3', 'to')).toBeNull();
    expect(pathProblem('', 'to')).toBe('Required');
  });

  it('refuses a second redirect from the same address', () => {
    expect(redirectIssues('/a/', '/c/', edges(['/a/', '/b/']))[0]?.path).toBe('fromPath');
  });

  it('reads publication addresses in both languages', () => {
    expect(publicationAddress('/reports/camp-25/')).toEqual({
      sectionSlug: 'reports',
      slug: 'camp-25',
    });
    expect(publicationAddress('/ko/reports/camp-25')).toEqual({
      sectionSlug: 'reports',
      slug: 'camp-25',
    });
    expect(publicationAddress('/reports/')).toBeNull();
    expect(publicationAddress('/reports/camp-25/report.pdf')).toBeNull();
  });
});
