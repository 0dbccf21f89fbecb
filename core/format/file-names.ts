/**
 * File names for generated documents, made from what users type into the data: «МБОУ "СОШ № 12"»,
 * «Письмо № 04/335». The result is safe on Windows (the strictest place the files will land), in a
 * zip and on a network share.
 */

/** Longest name in UTF-8 bytes, extension included: leaves room for a deep folder under MAX_PATH. */
export const MAX_FILE_NAME_BYTES = 150;
/** What an empty or all-forbidden name becomes. */
export const FALLBACK_FILE_NAME = 'документ';

// Windows opens a device, not a file, for these, also with any extension (nul.docx).
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
// A path separator reads best as a dash: «04/335» → «04-335».
const SEPARATORS = /[\\/|]/g;
const FORBIDDEN = /[:*?<>]/g;
const CONTROL = /[\u0000-\u001f\u007f]/g;

const graphemes = new Intl.Segmenter('ru', { granularity: 'grapheme' });

const utf8 = new TextEncoder();

function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

/** Straight quotes become «» by position: opening at the start or after a space or bracket. */
function russianQuotes(text: string): string {
  return text.replace(/"/g, (_quote, offset: number, whole: string) => {
    const before = offset > 0 ? whole.charAt(offset - 1) : '';
    return before === '' || /[\s([{«]/.test(before) ? '«' : '»';
  });
}

function trimEnds(text: string): string {
  // A trailing dot or space is dropped by Windows itself; a leading dot hides the file on Unix.
  return text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/** The longest prefix of `text` within `maxBytes`, cut between user-perceived characters. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out;
}

/**
 * The longest start of `stem` within `maxBytes`, cut at a word boundary and ended with «…» when
 * cut («…Кунашакский муниципальный…», not «…Кунашакский муниципальн»). A single word longer
 * than the budget is cut inside it.
 */
function cutAtWord(stem: string, maxBytes: number): string {
  if (utf8Length(stem) <= maxBytes) return trimEnds(stem);
  const room = truncateUtf8(stem, Math.max(0, maxBytes - utf8Length('…')));
  const space = room.lastIndexOf(' ');
  const endsWord = /\s/.test(stem.charAt(room.length));
  const words = endsWord || space < room.length / 2 ? room : room.slice(0, space);
  const cut = trimEnds(words.replace(/[\s,.;:—–-]+$/, ''));
  return cut ? `${cut}…` : '';
}

/** The base part cleaned of everything Windows forbids, before length and duplicates are decided. */
export function cleanFileBase(base: string): string {
  let text = base.normalize('NFC');
  text = russianQuotes(text);
  text = text.replace(CONTROL, ' ').replace(SEPARATORS, '-').replace(FORBIDDEN, '_');
  text = trimEnds(text.replace(/\s+/g, ' '));
  return text;
}

/** How names are compared: Windows and macOS treat «Письмо.docx» and «ПИСЬМО.docx» as one file. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * A Windows-safe, unique file name `base` + `.ext`: forbidden characters replaced (\ / | → «-»,
 * : * ? < > → «_», straight quotes → «»), whitespace collapsed, no leading/trailing dot or space,
 * device names (CON, NUL, COM1…) prefixed with «_», at most 150 UTF-8 bytes, «документ» when
 * nothing is left. A name already in `taken` gets « (2)», « (3)»…
 *
 * `taken` holds the keys of names in use (see fileNameKey — lower case); the chosen name's key
 * is added to it.
 */
export function safeFileName(base: string, ext: string, taken: Set<string>): string {
  const cleanExt = ext.replace(/^\.+/, '');
  const suffix = cleanExt ? `.${cleanExt}` : '';
  let stem = cleanFileBase(base);
  if (stem === '') stem = FALLBACK_FILE_NAME;

  for (let n = 1; ; n++) {
    const counter = n === 1 ? '' : ` (${n})`;
    const budget = Math.max(0, MAX_FILE_NAME_BYTES - utf8Length(counter + suffix));
    let fitted = cutAtWord(stem, budget);
    if (fitted === '') fitted = truncateUtf8(FALLBACK_FILE_NAME, budget);
    if (RESERVED.test(fitted + suffix)) fitted = truncateUtf8(`_${fitted}`, budget);
    const name = `${fitted}${counter}${suffix}`;
    const key = fileNameKey(name);
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

/**
 * A title cut at a word boundary to at most `maxChars` characters, ending in «…» when cut, so a
 * long form title still leaves room in a file name for what follows it («… — бланк.xlsx»).
 */
export function shortenAtWord(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, Math.max(1, maxChars - 1));
  const space = cut.lastIndexOf(' ');
  const endsWord = clean.charAt(cut.length) === ' ';
  const words = endsWord || space <= maxChars / 2 ? cut : cut.slice(0, space);
  return `${words.replace(/[\s,.;:—-]+$/, '')}…`;
}

export interface PlannedNames {
  names: string[];
  /** Names that several records would have had, with those records in order (the first keeps the name). */
  collisions: Array<{ name: string; records: string[] }>;
}

/**
 * File names for a batch, in order: each one safe and unique (see safeFileName); where two records
 * would have had one name, the later get « (2)», « (3)»… and the collision is returned with the
 * records it came from, so the summary can say which rows to rename.
 */
export function planFileNames(items: ReadonlyArray<{ record: string; fileBase: string }>, ext: string): PlannedNames {
  const taken = new Set<string>();
  const firstOf = new Map<string, { name: string; records: string[] }>();
  const names = items.map((item) => {
    const name = safeFileName(item.fileBase, ext, taken);
    const plain = safeFileName(item.fileBase, ext, new Set());
    const key = fileNameKey(plain);
    const entry = firstOf.get(key);
    if (entry) entry.records.push(item.record);
    else firstOf.set(key, { name: plain, records: [item.record] });
    return name;
  });
  return { names, collisions: [...firstOf.values()].filter((c) => c.records.length > 1) };
}
