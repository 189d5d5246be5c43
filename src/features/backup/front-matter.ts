/**
 * YAML front matter for the plain Markdown export. Every string is written as a JSON string,
 * which is also a valid double-quoted YAML scalar, so no title, colon, hash or quote can break
 * the block or be read as anything but text.
 */
export type FrontMatterValue =
  | string
  | number
  | boolean
  | null
  | FrontMatterValue[]
  | { [key: string]: FrontMatterValue };

export function frontMatter(fields: Record<string, FrontMatterValue>): string {
  const lines: string[] = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    lines.push(...field(key, value, ''));
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

function field(key: string, value: FrontMatterValue, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}${key}: []`];
    return [`${indent}${key}:`, ...value.flatMap((v) => item(v, `${indent}  `))];
  }
  if (value !== null && typeof value === 'object') {
    return [
      `${indent}${key}:`,
      ...Object.entries(value).flatMap(([k, v]) => field(k, v, `${indent}  `)),
    ];
  }
  return [`${indent}${key}: ${scalar(value)}`];
}

function item(value: FrontMatterValue, indent: string): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const [first, ...rest] = Object.entries(value).flatMap(([k, v]) => field(k, v, `${indent}  `));
    return first === undefined ? [`${indent}- {}`] : [`${indent}- ${first.trimStart()}`, ...rest];
  }
  if (Array.isArray(value)) return [`${indent}- ${JSON.stringify(value)}`];
  return [`${indent}- ${scalar(value)}`];
}

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
