/**
 * Some programs (the Open XML SDK, report generators) write a workbook's XML with its elements
 * prefixed — `<x:worksheet xmlns:x="…/spreadsheetml/2006/main"><x:sheetData><x:row><x:c …>` —
 * which is the same document to Excel. Both readers match element names as Excel writes them, so
 * such a part is rewritten once, as it is unpacked, to the unprefixed form: before the cells are
 * counted, before exceljs or the snapshot reader sees it. Parts written the usual way are not
 * decoded at all (the root element is read from the first bytes).
 */

const PREFIXABLE = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://schemas.openxmlformats.org/package/2006/relationships'];
const OFFICE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = 4096;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The root element's name has a prefix («x:worksheet»), judged from the part's first bytes. */
function rootIsPrefixed(data: Uint8Array): boolean {
  const head = latin1.decode(data.subarray(0, HEAD));
  const root = /<(?![?!])([A-Za-z_][\w.-]*)(:[A-Za-z_][\w.-]*)?[\s/>]/.exec(head);
  return root?.[2] !== undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The part with the spreadsheet and relationship prefixes dropped from element names; `undefined` when there was nothing to drop. */
export function unprefixedXml(data: Uint8Array): Uint8Array | undefined {
  if (!rootIsPrefixed(data)) return undefined;
  let xml = utf8.decode(data);
  let changed = false;
  for (const m of xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
    const [, prefix, namespace] = m;
    if (!prefix || !namespace) continue;
    if (PREFIXABLE.includes(namespace)) {
      const p = escapeRegExp(prefix);
      xml = xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1');
      changed = true;
    } else if (namespace === OFFICE_RELATIONSHIPS && prefix !== 'r') {
      // A sheet's relationship is read as `r:id`, the name Excel gives the prefix.
      xml = xml.replace(new RegExp(`(\\s)${escapeRegExp(prefix)}:id=`, 'g'), '$1r:id=');
      changed = true;
    }
  }
  return changed ? encoder.encode(xml) : undefined;
}
