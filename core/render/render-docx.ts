import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { cleanAndTypesetDeep } from '../format/typography';
import { makeIssue, type Issue } from '../issues';
import { readZipEntries, ZipFormatError, type ZipEntry } from '../zip/read-zip';
import { newBudget, unpackEntry, ZipLimitError } from '../zip/unpack';
import { replaceZipParts } from '../zip/write-zip';
import { pathOf, valueAt } from './dotted-path';
import { compileProgram, runProgramParts, type CompiledPart, type Program } from './interpret';
import { templateIssues } from './template-errors';

/**
 * The one gateway to docxtemplater and pizzip. A template is unpacked once; each document gets a
 * new Docxtemplater over the already-inflated XML, and only the parts that rendering changed are
 * compressed again — styles, fonts, images and the rest are copied into the output as they are.
 */
export interface PreparedTemplate {
  name: string;
  entries: ZipEntry[];
  /** Decoded XML parts that docxtemplater must see: those with a «{», content types and relations. */
  parts: Map<string, string>;
  /** Tags the template uses, e.g. `subject`, `#body`, `signatory.name`. */
  tags: string[];
}

export type Prepared = { ok: true; template: PreparedTemplate } | { ok: false; issues: Issue[] };
export type Rendered = { ok: true; bytes: Uint8Array } | { ok: false; issues: Issue[] };

export interface RenderOptions {
  /** Raw deflate; Node passes zlib's, which is faster than the pure-JS default. */
  deflateRaw?: (data: Uint8Array) => Uint8Array;
  /**
   * When the document is made (W3CDTF, «2026-12-01T05:23:55Z»): docProps/core.xml's created and
   * modified say so instead of the template's own time. Read from the clock by the door, not here.
   */
  generatedAt?: string;
  /**
   * Render through docxtemplater even when the template is interpreted (interpret.ts): the
   * reference the interpreter's output is compared with in tests.
   */
  viaDocxtemplater?: boolean;
}

/** docProps/core.xml with created and modified set to `at`; undefined when the template has none. */
function stampedCoreProperties(entries: readonly ZipEntry[], at: string): Uint8Array | undefined {
  const entry = entries.find((e) => e.name === 'docProps/core.xml');
  if (!entry) return undefined;
  let xml: string;
  try {
    xml = decoder.decode(unpackEntry(entry, newBudget({ maxBytes: MAX_TEMPLATE_XML_MB * 1024 * 1024, maxRatio: MAX_TEMPLATE_RATIO })));
  } catch {
    return undefined;
  }
  const stamped = xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${at}$3`);
  return encoder.encode(stamped);
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A letter template's XML is well under 1 MB; past this (counted while inflating) it is refused. */
export const MAX_TEMPLATE_XML_MB = 20;
/** Inflated bytes per compressed byte of one part (past 1 MB), as for workbooks. */
export const MAX_TEMPLATE_RATIO = 500;

function isTextPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Resolves `a.b.c` in the current scope; `.` is the scope itself. No eval: a path walk. */
export function dottedPathParser(tag: string) {
  const path = pathOf(tag);
  return {
    get(scope: unknown): unknown {
      return valueAt(scope, path);
    },
  };
}

function newDocxtemplater(parts: Map<string, string>, onMissing?: (tag: string) => void): Docxtemplater {
  const zip = new PizZip();
  for (const [name, text] of parts) zip.file(name, text);
  return new Docxtemplater(zip, {
    paragraphLoop: true,
    linebreaks: true,
    errorLogging: false,
    parser: dottedPathParser,
    nullGetter(part) {
      if (part.module === 'loop' || !part.module) onMissing?.(part.value);
      return '';
    },
  });
}

function collectTags(doc: Docxtemplater): string[] {
  const tags = new Set<string>();
  const walk = (parts: Array<{ type: string; value: string; module?: string; subparsed?: unknown[] }>) => {
    for (const part of parts) {
      if (part.type !== 'placeholder') continue;
      const prefix = part.module === 'loop' ? '#' : part.module === 'rawxml' ? '@' : '';
      tags.add(prefix + part.value);
      if (Array.isArray(part.subparsed)) walk(part.subparsed as never);
    }
  };
  const compiled = (doc as unknown as { compiled: Record<string, { postparsed: never[] }> }).compiled;
  for (const file of Object.values(compiled)) walk(file.postparsed);
  return [...tags];
}

/** Unpacks and checks a template once: every syntax error is reported together, with its tag. */
export function prepareTemplate(bytes: Uint8Array, name: string): Prepared {
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(bytes);
  } catch {
    return { ok: false, issues: [makeIssue('TEMPLATE_NOT_DOCX', { kind: 'template', template: name }, {})] };
  }
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    return { ok: false, issues: [makeIssue('TEMPLATE_NOT_DOCX', { kind: 'template', template: name }, {})] };
  }
  const parts = new Map<string, string>();
  // Only the XML parts are inflated (images and fonts are copied as they stand), under a byte counter.
  const budget = newBudget({ maxBytes: MAX_TEMPLATE_XML_MB * 1024 * 1024, maxRatio: MAX_TEMPLATE_RATIO });
  try {
    for (const entry of entries) {
      if (!isTextPart(entry.name)) continue;
      const text = decoder.decode(unpackEntry(entry, budget));
      // A part without «{» renders to itself: it is copied from the template, and docxtemplater
      // is spared parsing it for every document (footnotes, styles, settings, theme…).
      if (text.includes('{') || entry.name.endsWith('.rels') || entry.name === '[Content_Types].xml') parts.set(entry.name, text);
    }
  } catch (error) {
    const location = { kind: 'template' as const, template: name };
    if (error instanceof ZipLimitError) return { ok: false, issues: [makeIssue('TEMPLATE_TOO_LARGE', location, { limitMb: MAX_TEMPLATE_XML_MB })] };
    if (error instanceof ZipFormatError) return { ok: false, issues: [makeIssue('TEMPLATE_DAMAGED', location, { detail: error.message })] };
    return { ok: false, issues: [makeIssue('TEMPLATE_NOT_DOCX', location, {})] };
  }
  const holder = {} as Reusable;
  try {
    holder.doc = newDocxtemplater(parts, (tag) => holder.onMissing?.(tag));
  } catch (error) {
    return { ok: false, issues: templateIssues(error, name, parts) };
  }
  const template: PreparedTemplate = { name, entries, parts, tags: collectTags(holder.doc) };
  // The compile that checked the template is the one the first document renders with.
  reusables.set(template, holder);
  const program = programOf(holder.doc, parts);
  if (program) programs.set(template, program);
  return { ok: true, template };
}

/** The interpreter's program for a template, when it uses only what interpret.ts reproduces. */
const programs = new WeakMap<PreparedTemplate, Program>();

/**
 * Only word/document.xml may hold tags, and no part may hold drawings (docxtemplater renumbers
 * their wp:docPr ids after rendering, which the interpreter does not do).
 */
function programOf(doc: Docxtemplater, parts: ReadonlyMap<string, string>): Program | undefined {
  const compiled = (doc as unknown as { compiled: Record<string, { postparsed: CompiledPart[] }> }).compiled;
  const names = Object.keys(compiled);
  if (names.length !== 1 || names[0] !== MAIN_PART) return undefined;
  for (const text of parts.values()) if (text.includes('wp:docPr')) return undefined;
  const main = compiled[MAIN_PART];
  return main ? compileProgram(main.postparsed) : undefined;
}

const MAIN_PART = 'word/document.xml';

/** Whether documents of this template are made by the interpreter (interpret.ts), not docxtemplater. */
export function isInterpreted(template: PreparedTemplate): boolean {
  return programs.has(template);
}

/**
 * One compiled Docxtemplater per prepared template, reused from document to document: compiling
 * (parsing the template XML) is most of a document's cost. docxtemplater has no public way to
 * render twice, so between documents the three fields it keeps from a render are reset — `rendered`
 * (the render-twice guard), `mapper` (which files to render, with the data) and `scopeManagers`
 * (the data scopes). docxtemplater is pinned to an exact version for this, and a test renders
 * many different documents through one instance and compares each with a fresh instance's output.
 * After any failure the instance is dropped and the next document compiles a new one.
 */
interface Reusable {
  doc: Docxtemplater;
  onMissing?: (tag: string) => void;
}

const reusables = new WeakMap<PreparedTemplate, Reusable>();

function reusableFor(template: PreparedTemplate): Reusable {
  const existing = reusables.get(template);
  if (existing) {
    const internals = existing.doc as unknown as { rendered: boolean; mapper?: unknown; scopeManagers: Record<string, unknown> };
    internals.rendered = false;
    internals.mapper = undefined;
    internals.scopeManagers = {};
    return existing;
  }
  const holder = {} as Reusable;
  holder.doc = newDocxtemplater(template.parts, (tag) => holder.onMissing?.(tag));
  reusables.set(template, holder);
  return holder;
}

const encodedCache = new WeakMap<PreparedTemplate, Map<string, Uint8Array>>();

/** The template's parts as UTF-8, encoded once per template, to compare a render's bytes with. */
function templateBytes(template: PreparedTemplate): Map<string, Uint8Array> {
  let encoded = encodedCache.get(template);
  if (!encoded) {
    encoded = new Map([...template.parts].map(([name, text]) => [name, encoder.encode(text)]));
    encodedCache.set(template, encoded);
  }
  return encoded;
}

function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** UTF-8 of a lone UTF-16 surrogate (ED A0..BF ..): docxtemplater writes it, TextEncoder would not. */
function hasEncodedSurrogate(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0xed); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0xed, i + 1)) {
    if (bytes[i + 1]! >= 0xa0) return true;
  }
  return false;
}

const rawKeysCache = new WeakMap<PreparedTemplate, Set<string>>();

/** The keys of raw-XML tags ({@levelCell} → levelCell): their values are markup, not text to typeset. */
function rawKeysOf(template: PreparedTemplate): Set<string> {
  let keys = rawKeysCache.get(template);
  if (!keys) {
    keys = new Set(template.tags.filter((t) => t.startsWith('@')).map((t) => t.slice(1).split('.').pop() ?? ''));
    rawKeysCache.set(template, keys);
  }
  return keys;
}

/** One growing buffer to encode documents into: its bytes are copied into the zip. */
let scratch = new Uint8Array(256 * 1024);

/**
 * The parts as UTF-8, each encoded straight into the buffer (joining them into one string first
 * costs more than the encoding). Parts never split a surrogate pair: the template was decoded
 * whole, and every value went through cleanText, which replaces lone surrogates — so the bytes
 * are those docxtemplater's own UTF-8 writer gives.
 */
function encodedParts(parts: readonly string[]): Uint8Array {
  let length = 0;
  for (let i = 0; i < parts.length; i++) length += parts[i]!.length;
  if (scratch.length < length * 3) scratch = new Uint8Array(length * 3);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length > 0) at += encoder.encodeInto(part, scratch.subarray(at)).written;
  }
  return scratch.subarray(0, at);
}

/** The interpreter's document.xml, or undefined when this document needs docxtemplater. */
function interpreted(template: PreparedTemplate, data: unknown, missing: Set<string>): string[] | undefined {
  const program = programs.get(template);
  if (!program) return undefined;
  try {
    return runProgramParts(program, data, (tag) => missing.add(tag));
  } catch {
    // InterpretFallback (or anything unforeseen): docxtemplater makes this document.
    missing.clear();
    return undefined;
  }
}

/**
 * The interpreter's word/document.xml for `data`, prepared as renderDocument prepares it;
 * undefined when the template is not interpreted or this document would go to docxtemplater.
 * For tests that check the interpreter really made a document, not the fallback.
 */
export function interpretedDocumentXml(template: PreparedTemplate, data: object): string | undefined {
  return interpreted(template, cleanAndTypesetDeep(data, rawKeysOf(template)), new Set())?.join('');
}

function missingIssues(template: PreparedTemplate, record: string, missing: ReadonlySet<string>): Rendered {
  return {
    ok: false,
    issues: [...missing].map((tag) => makeIssue('RENDER_MISSING_VALUE', { kind: 'record', template: template.name, record, tag }, { tag, record })),
  };
}

/**
 * Renders one document. Every text value from the data is typeset (core/format/typography.ts:
 * «ёлочки», no-break spaces, dashes); the template's own text is printed as the template has it. A tag with no value is never printed as «undefined»: the document is not
 * made and each missing tag is reported with the record's name.
 */
export function renderDocument(template: PreparedTemplate, data: object, record: string, options: RenderOptions = {}): Rendered {
  const missing = new Set<string>();
  const ready = cleanAndTypesetDeep(data, rawKeysOf(template));
  const xml = options.viaDocxtemplater ? undefined : interpreted(template, ready, missing);
  if (xml !== undefined) {
    if (missing.size > 0) return missingIssues(template, record, missing);
    const changed = new Map<string, Uint8Array>();
    const bytes = encodedParts(xml);
    if (!sameBytes(bytes, templateBytes(template).get(MAIN_PART))) changed.set(MAIN_PART, bytes);
    const core = options.generatedAt ? stampedCoreProperties(template.entries, options.generatedAt) : undefined;
    if (core) changed.set('docProps/core.xml', core);
    return { ok: true, bytes: replaceZipParts(template.entries, changed, { deflateRaw: options.deflateRaw }) };
  }
  let doc: Docxtemplater;
  try {
    const reusable = reusableFor(template);
    reusable.onMissing = (tag) => missing.add(tag);
    doc = reusable.doc;
    doc.render(ready as object);
  } catch (error) {
    reusables.delete(template);
    const issues = templateIssues(error, template.name);
    return { ok: false, issues: issues.map((i) => ({ ...i, location: { kind: 'record', template: template.name, record } })) };
  }
  if (missing.size > 0) return missingIssues(template, record, missing);
  const zip = doc.getZip();
  const changed = new Map<string, Uint8Array>();
  const originals = templateBytes(template);
  for (const [name, before] of template.parts) {
    const file = zip.file(name);
    if (!file) continue;
    // docxtemplater already wrote the part as UTF-8 bytes: they are taken as they are, not decoded
    // and encoded again — unless they hold an encoded lone surrogate (ED A0..BF), which only the
    // text round trip turns into U+FFFD as before.
    const bytes = file.asUint8Array();
    if (hasEncodedSurrogate(bytes)) {
      const after = file.asText();
      if (after !== before) changed.set(name, encoder.encode(after));
    } else if (!sameBytes(bytes, originals.get(name))) changed.set(name, bytes);
  }
  const core = options.generatedAt ? stampedCoreProperties(template.entries, options.generatedAt) : undefined;
  if (core) changed.set('docProps/core.xml', core);
  return { ok: true, bytes: replaceZipParts(template.entries, changed, { deflateRaw: options.deflateRaw }) };
}
