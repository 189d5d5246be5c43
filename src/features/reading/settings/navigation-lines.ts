import { sitePathProblem } from '../../../core/site-path.ts';

/**
 * The site's menu as editors type it, one link a line: "Label | Korean label | /path/". The
 * Korean label may be left out ("Label | /path/") or empty; the reader's language picks the label.
 */
export interface NavigationLink {
  label: string;
  labelKo: string | null;
  path: string;
}

export interface LineIssue {
  line: number;
  message: string;
}

export const MAX_NAVIGATION_LINKS = 30;

export function parseNavigation(text: string): { links: NavigationLink[]; issues: LineIssue[] } {
  const links: NavigationLink[] = [];
  const issues: LineIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const parts = raw.split('|').map((p) => p.normalize('NFC').trim());
    if (parts.length < 2 || parts.length > 3) {
      issues.push({ line, message: `Line ${line}: write "Label | Korean label | /path/"` });
      return;
    }
    const label = parts[0]!;
    const labelKo = parts.length === 3 ? parts[1]! : '';
    const path = parts[parts.length - 1]!;
    const offSite = sitePathProblem(path);
    if (!label) issues.push({ line, message: `Line ${line}: the label is missing` });
    else if (label.length > 100 || labelKo.length > 100) {
      issues.push({ line, message: `Line ${line}: a label is at most 100 characters` });
    } else if (offSite) {
      issues.push({
        line,
        message: `Line ${line}: the path must be on this site, like /reports/ (${offSite})`,
      });
    } else links.push({ label, labelKo: labelKo || null, path });
  });
  if (links.length > MAX_NAVIGATION_LINKS) {
    issues.push({ line: 0, message: `At most ${MAX_NAVIGATION_LINKS} links` });
  }
  return { links, issues };
}

export function formatNavigation(links: readonly NavigationLink[]): string {
  return links.map((l) => `${l.label} | ${l.labelKo ?? ''} | ${l.path}`).join('\n');
}
