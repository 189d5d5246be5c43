import { describe, expect, it } from 'vitest';
import { navigationLinkInput } from '../../../core/settings-schemas.ts';
import { formatNavigation, parseNavigation } from './navigation-lines.ts';

describe('navigation lines', () => {
  it('reads labels in both languages and paths, skipping blank lines', () => {
    const { links, issues } = parseNavigation(
      'Reports | 보고서 | /reports/\n\n About |  | /about/ \nNews | /news/',
    );
    expect(issues).toEqual([]);
    expect(links).toEqual([
      { label: 'Reports', labelKo: '보고서', path: '/reports/' },
      { label: 'About', labelKo: null, path: '/about/' },
      { label: 'News', labelKo: null, path: '/news/' },
    ]);
  });

  it('names the line that is wrong', () => {
    const { issues } = parseNavigation(
      'Reports | 보고서 | /reports/\nBroken\nAway | https://evil.example/\n | /x/',
    );
    expect(issues.map((i) => i.line)).toEqual([2, 3, 4]);
    expect(issues[1]!.message).toContain('on this site');
    for (const offSite of ['//evil.example/x', '/.//evil.example/x', '/\\evil.example']) {
      const refused = parseNavigation(`Away | ${offSite}`);
      expect(refused.links, offSite).toEqual([]);
      expect(refused.issues[0]?.message, offSite).toContain('another site');
      expect(navigationLinkInput.safeParse({ label: 'Away', path: offSite }).success).toBe(false);
    }
  });

  it('round-trips through the text form', () => {
    const links = [
      { label: 'Reports', labelKo: '보고서', path: '/reports/' },
      { label: 'About', labelKo: null, path: '/about/' },
    ];
    expect(parseNavigation(formatNavigation(links)).links).toEqual(links);
  });
});
