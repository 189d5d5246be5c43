/**
 * Reads a V8 `.cpuprofile` (as `node --cpu-prof` writes it) into what a reader needs to decide
 * where a request's time goes: the functions with the most self time, the same time summed by
 * where the code lives (Node's internals, a package, a folder of src/), and the inclusive time
 * of the project's own functions (each counted once per sample however deep it recurses).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface TimeShare {
  name: string;
  ms: number;
  /** Share of all sampled time, idle included. */
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  topSelf: TimeShare[];
  byPlace: TimeShare[];
  projectInclusive: TimeShare[];
}

/** Where a frame's code lives: a package, a folder of the project, or Node/V8 itself. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url)?.[1];
  return own ?? url;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(node_modules\/|src\/)/, '$1').replace(/^file:\/\//, '');
  // Modules compiled on the fly report every function on line 0: the line says nothing there.
  const where = file && lineNumber > 0 ? `${file}:${lineNumber + 1}` : file;
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

export function summarizeProfile(path: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    totalUs += delta;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const self = new Map<string, number>();
  const place = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') idleUs += us;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + us);
    const where = placeOf(node.callFrame.url, node.callFrame.functionName);
    place.set(where, (place.get(where) ?? 0) + us);
    // Every project function on this sample's stack, once each.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!/\/src\//.test(frame.callFrame.url) || /node_modules/.test(frame.callFrame.url))
        continue;
      const own = frameName(frame);
      if (seen.has(own)) continue;
      seen.add(own);
      inclusive.set(own, (inclusive.get(own) ?? 0) + us);
    }
  }
  const shares = (m: Map<string, number>, n: number): TimeShare[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        percent: Math.round((us / totalUs) * 1000) / 10,
      }));
  return {
    totalMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    topSelf: shares(self, top),
    byPlace: shares(place, top),
    projectInclusive: shares(inclusive, top),
  };
}

export function formatSummary(summary: ProfileSummary): string {
  const table = (title: string, rows: TimeShare[]) =>
    [
      title,
      ...rows.map(
        (r) => `  ${r.percent.toFixed(1).padStart(5)}%  ${String(r.ms).padStart(8)} ms  ${r.name}`,
      ),
    ].join('\n');
  return [
    `profile: ${summary.totalMs} ms sampled, ${summary.idleMs} ms idle`,
    table('self time, by function:', summary.topSelf),
    table('self time, by where the code lives:', summary.byPlace),
    table('inclusive time of the project’s functions:', summary.projectInclusive),
  ].join('\n');
}
