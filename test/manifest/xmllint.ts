import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The 2016 OfficeApp 1.1 schema (it imports the VersionOverrides and basic-types schemas beside it). */
export const MANIFEST_XSD = join(__dirname, '..', '..', 'manifest', 'xsd', 'OfficeAppManifestV1_1.xsd');

/** Validates a manifest with xmllint against MANIFEST_XSD; `output` is xmllint's complaint. */
export function xmllint(text: string): { ok: boolean; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'kaskad-manifest-')), 'manifest.xml');
  writeFileSync(file, text);
  try {
    const out = execFileSync('xmllint', ['--noout', '--schema', MANIFEST_XSD, file], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output: out };
  } catch (error) {
    const e = error as { stderr?: string; code?: string };
    if (e.code === 'ENOENT') throw new Error('xmllint is required (apt-get install libxml2-utils)', { cause: error });
    return { ok: false, output: String(e.stderr) };
  }
}
