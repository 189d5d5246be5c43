import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Third-party validators: the shared schemas in ../shared/validators and Debian tools (xmllint,
 * oai_pmh, biber). Locally a missing one skips its tests with a loud warning; under CI=true it
 * fails the run instead, so CI can never pass by skipping a validator.
 */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED = resolve(REPO_ROOT, '../shared');
export const VALIDATORS = join(SHARED, 'validators');

const line = '!'.repeat(78);

function missing(what: string, hint: string): false {
  if (process.env.CI === 'true') throw new Error(`${what} is required under CI=true. ${hint}`);
  console.warn(
    `\n${line}\n!! ${what} is missing: ITS VALIDATION TESTS ARE SKIPPED.\n!! ${hint}\n${line}\n`,
  );
  return false;
}

/** Whether ../shared/validators is there (it is read-only material beside the repository). */
export function sharedValidatorsAvailable(): boolean {
  return existsSync(VALIDATORS) || missing(VALIDATORS, 'Lay out ../shared beside the repository.');
}

/** Whether a Debian tool is on the PATH. */
export function toolAvailable(command: string, debianPackage: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
  return (
    found ||
    missing(
      `The command ${command}`,
      `Install Debian's ${debianPackage} (apt-get install ${debianPackage}).`,
    )
  );
}

/** Both: a test that needs the shared schemas and a tool. Checks both, so both warnings show. */
export function validatorsAvailable(...tools: Array<[string, string]>): boolean {
  const shared = sharedValidatorsAvailable();
  const all = tools.map(([command, pkg]) => toolAvailable(command, pkg));
  return shared && all.every(Boolean);
}

export interface XmllintResult {
  valid: boolean;
  output: string;
}

/**
 * Validates XML against an XSD in ../shared/validators/xsd with xmllint, offline: the catalog
 * there maps xml.xsd to its local copy.
 */
export function xmllint(
  xml: string,
  schema: 'sitemap.xsd' | 'sitemap-index' | 'oai-all.xsd',
): XmllintResult {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-xmllint-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const xsd = join(VALIDATORS, 'xsd');
    let schemaFile = join(xsd, schema);
    if (schema === 'sitemap-index') {
      schemaFile = join(dir, 'siteindex.xsd');
      writeFileSync(schemaFile, siteIndexSchema(join(xsd, 'sitemap.xsd')));
    }
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaFile, file], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: join(xsd, 'catalog.xml') },
    });
    const output = `${run.stdout}${run.stderr}`;
    return { valid: run.status === 0 && output.includes('validates'), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * ../shared/validators/xsd has sitemaps.org's sitemap.xsd (urlset) but not its siteindex.xsd
 * (sitemapindex). This schema declares <sitemapindex> as siteindex.xsd does (a sequence of
 * <sitemap> with <loc> and an optional <lastmod>) and takes the types of those two from the
 * shared sitemap.xsd by xsd:include, so the index is held to the same URL and date rules.
 */
function siteIndexSchema(sitemapXsd: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
  xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:include schemaLocation="${pathToFileURL(sitemapXsd).href}"/>
  <xsd:element name="sitemapindex">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="sitemap" type="tSitemap" maxOccurs="unbounded"/>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:complexType name="tSitemap">
    <xsd:sequence>
      <xsd:element name="loc" type="tLoc"/>
      <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
      <xsd:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="strict"/>
    </xsd:sequence>
  </xsd:complexType>
</xsd:schema>
`;
}
