/**
 * A faster road to the same bytes docxtemplater writes, for templates that use only the simple
 * subset of its syntax: plain tags `{a.b}`, loops and conditions `{#x}…{/x}` (paragraph loops
 * included, as with `paragraphLoop: true`) and inverted sections `{^x}…{/x}`.
 *
 * docxtemplater itself parses the template once (prepareTemplate); its compiled tree — the XML
 * already split into parts, loops already expanded to their paragraphs or table rows, the
 * `xml:space="preserve"` already added — is turned here into a program of static strings, tags
 * and loops. Each document then walks the program and produces the same list of parts
 * docxtemplater's render would, and the same post-processing runs over it: the loop module's and
 * the final "join uncorrupt" (a cell that lost its paragraphs gets an empty one, a table or row
 * left without rows or cells is dropped, a table is followed by a paragraph), and the space-preserve
 * module's `<w:t xml:space="preserve"></w:t>` → `<w:t/>`. Values are escaped as docxtemplater's
 * utf8ToWord does, and line breaks become runs with the same recorded run properties.
 *
 * Anything else — raw XML tags, section breaks or page breaks at loop edges, drawings, PowerPoint
 * parts, more than one templated part — is refused at compile time (the template renders through
 * docxtemplater, as before). A document whose data the interpreter cannot vouch for (a value with
 * characters XML forbids, a function, a line break where the run's properties depend on the
 * data) throws InterpretFallback, and that document renders through docxtemplater.
 */
import { pathOf, valueAt } from './dotted-path';

/** A part of docxtemplater's compiled tree (its `postparsed`), as far as the interpreter reads it. */
export interface CompiledPart {
  type: string;
  value: string;
  tag?: string;
  position?: string;
  module?: string;
  inverted?: boolean;
  subparsed?: CompiledPart[];
  sectPrCount?: number;
  addContinuousType?: boolean;
  addNextPage?: unknown;
  lastParagrapSectPr?: string;
  hasPageBreak?: boolean;
  hasPageBreakBeginning?: boolean;
}

interface TagNode {
  kind: 'tag';
  /** The tag as written, for the missing-value report. */
  name: string;
  path: string[];
  /** The run properties a line break inside this value repeats; null when they depend on the data. */
  run: string | null;
}

interface LoopNode {
  kind: 'loop';
  name: string;
  path: string[];
  inverted: boolean;
  body: ProgramNode[];
}

type ProgramNode = string | TagNode | LoopNode;

export interface Program {
  nodes: ProgramNode[];
}

/** Thrown while rendering one document: this document goes through docxtemplater. */
export class InterpretFallback extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InterpretFallback';
  }
}

class Unsupported extends Error {}

const LT = 60;

/** doc-utils isStarting: `<tag` then `>`, ` ` or `/`. */
function isStarting(part: string, open: string): boolean {
  if (part.charCodeAt(0) !== LT || !part.startsWith(open)) return false;
  const next = part.charCodeAt(open.length);
  return next === 62 || next === 32 || next === 47;
}

const WHITESPACE = /^[ \n\r\t]+$/;

const WT_PRESERVE = '<w:t xml:space="preserve">';
const WT_END = '</w:t>';

// ---------------------------------------------------------------------------------------------
// Recorded runs. With `linebreaks: true` docxtemplater's render module remembers the last run's
// properties (<w:rPr>…</w:rPr>) it walked past, and a line break in a value closes the run and
// opens a new one with them. Which run that is can be found before any data: the tree is walked
// once here with every state it can be in (a loop body runs zero, one or more times).

interface RunState {
  /** Inside <w:rPr>: 1 yes, 0 no, 2 unknown. */
  rec: 0 | 1 | 2;
  /** The run properties recorded so far; null when unknown. */
  run: string | null;
}

type States = Map<string, RunState>;

const MAX_STATES = 16;
const UNKNOWN: RunState = { rec: 2, run: null };

function keyOf(s: RunState): string {
  return s.run === null ? `${s.rec}?` : `${s.rec}:${s.run}`;
}

function statesOf(list: readonly RunState[]): States {
  const states: States = new Map();
  for (const s of list) states.set(keyOf(s), s);
  if (states.size > MAX_STATES) return new Map([[keyOf(UNKNOWN), UNKNOWN]]);
  return states;
}

function appended(run: string | null, value: string): string | null {
  return run === null ? null : run + value;
}

/** docxtemplater's Render.recordRuns, on a state. */
function recordRun(s: RunState, part: CompiledPart): RunState {
  if (part.tag === 'w:r') return { rec: s.rec, run: '' };
  if (part.tag === 'w:rPr') {
    if (part.position === 'start') return { rec: 1, run: appended(s.run, part.value) };
    if (part.position === 'end' || part.position === 'selfclosing') return { rec: 0, run: appended(s.run, part.value) };
    return s;
  }
  if (s.rec === 1) return { rec: 1, run: appended(s.run, part.value) };
  if (s.rec === 2 && part.value !== '') return UNKNOWN;
  return s;
}

function simulateList(parts: readonly CompiledPart[], states: States, seen: Map<CompiledPart, Set<string | null>>): States {
  let current = states;
  for (const part of parts) {
    if (part.type === 'placeholder' && part.module === 'loop') {
      current = simulateLoop(part, current, seen);
      continue;
    }
    const next = statesOf([...current.values()].map((s) => recordRun(s, part)));
    if (part.type === 'placeholder') {
      let runs = seen.get(part);
      if (!runs) seen.set(part, (runs = new Set()));
      for (const s of next.values()) runs.add(s.run);
    }
    current = next;
  }
  return current;
}

function simulateLoop(part: CompiledPart, states: States, seen: Map<CompiledPart, Set<string | null>>): States {
  let all = states;
  let current = states;
  for (let round = 0; round < 8; round++) {
    const after = simulateList(part.subparsed ?? [], current, seen);
    const merged = statesOf([...all.values(), ...after.values()]);
    if (merged.size === all.size && [...merged.keys()].every((k) => all.has(k))) return all;
    all = merged;
    current = after;
  }
  return new Map([[keyOf(UNKNOWN), UNKNOWN]]);
}

// ---------------------------------------------------------------------------------------------
// Compiling

/** Lexed tags the interpreter does not reproduce (PowerPoint row heights, Word 2016 row ids). */
const UNSUPPORTED_TAGS = new Set(['a16:rowId', 'p:xfrm', 'a:ext', 'a:tr']);

function compileList(parts: readonly CompiledPart[], runs: Map<CompiledPart, Set<string | null>>): ProgramNode[] {
  const nodes: ProgramNode[] = [];
  let groupEnded = true;
  for (const part of parts) {
    if (part.type === 'content' || part.type === 'tag') {
      if (part.tag !== undefined && UNSUPPORTED_TAGS.has(part.tag)) throw new Unsupported(part.tag);
      if (typeof part.value !== 'string') throw new Unsupported('value');
      // render.js keeps only truthy values of static parts
      if (!part.value) continue;
      const previous = nodes[nodes.length - 1];
      if (typeof previous === 'string' && !groupEnded && !startsGroup(part.value)) nodes[nodes.length - 1] = previous + part.value;
      else nodes.push(part.value);
      groupEnded = endsGroup(part.value);
      continue;
    }
    if (part.type !== 'placeholder') throw new Unsupported(part.type);
    groupEnded = true;
    if (part.module === undefined) {
      const seen = runs.get(part);
      const only = seen && seen.size === 1 ? [...seen][0] : null;
      nodes.push({ kind: 'tag', name: part.value, path: pathOf(part.value), run: only ?? null });
      continue;
    }
    if (part.module !== 'loop') throw new Unsupported(part.module);
    if (
      part.sectPrCount ||
      part.addContinuousType ||
      part.addNextPage ||
      part.lastParagrapSectPr ||
      part.hasPageBreak ||
      part.hasPageBreakBeginning ||
      !Array.isArray(part.subparsed)
    ) {
      throw new Unsupported('loop edge');
    }
    nodes.push({
      kind: 'loop',
      name: part.value,
      path: pathOf(part.value),
      inverted: part.inverted === true,
      body: compileList(part.subparsed, runs),
    });
  }
  return nodes;
}

/*
 * Static parts are joined into fewer, longer strings where the post-processing cannot tell the
 * difference: it looks at a part's start (is it <w:p, <w:tc, </w:t>…), at its end (</w:tbl>,
 * <w:t xml:space="preserve">), at whole parts (</w:tc>, an opening <w:tc> alone, whitespace, a
 * bookmark end) and at emptiness. So a part whose start it may look at begins a new string, and
 * a part whose end or whole it may look at ends one; the rest ride along with the part before.
 */
const GROUP_TAGS = ['w:sdtContent', 'w:tc', 'w:tr', 'w:tbl', 'w:p', 'w:r', 'w:commentRangeStart', 'w:sdt'];
const OPENERS = ['w:sdtContent', 'w:tc', 'w:tr', 'w:tbl'];

function isAlone(value: string): boolean {
  return WHITESPACE.test(value) || value.startsWith('<w:bookmarkEnd') || (value.startsWith('</') && OPENERS.some((t) => value === `</${t}>`));
}

function startsGroup(value: string): boolean {
  return isAlone(value) || value.startsWith(WT_END) || GROUP_TAGS.some((t) => isStarting(value, `<${t}`));
}

function endsGroup(value: string): boolean {
  return isAlone(value) || value.endsWith('</w:tbl>') || value.endsWith(WT_PRESERVE) || OPENERS.some((t) => isStarting(value, `<${t}`));
}

/**
 * The program for one templated part (docxtemplater's compiled `postparsed` of word/document.xml),
 * or undefined when it uses what the interpreter does not reproduce.
 */
export function compileProgram(postparsed: readonly CompiledPart[]): Program | undefined {
  const runs = new Map<CompiledPart, Set<string | null>>();
  try {
    // Every render ends outside <w:rPr>; the run recorded last (by the previous document) is unknown.
    const start: RunState = { rec: 0, run: null };
    simulateList(postparsed, new Map([[keyOf(start), start]]), runs);
    return { nodes: compileList(postparsed, runs) };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** docxtemplater's corruptCharacters: a value holding one is an error there. */
const CORRUPT = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPED = /[&<>"']/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const NEEDS_ESCAPE = /[&<>"']/;

/** docxtemplater's utf8ToWord on a string: the five XML characters as entities. */
export function escapeXml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (ch) => ESCAPES[ch] ?? ch) : text;
}

const BR_OPEN = '</w:t></w:r><w:r><w:br/></w:r><w:r>';
const BR_CLOSE = '<w:t xml:space="preserve">';
const toStringOf = Object.prototype.toString;

interface RenderState {
  scopes: unknown[];
  onMissing: (tag: string) => void;
}

function lookup(scopes: readonly unknown[], path: readonly string[]): unknown {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const value = valueAt(scopes[i], path);
    if (value !== null && value !== undefined) {
      if (typeof value === 'function') throw new InterpretFallback('function value');
      return value;
    }
    if (i === 0) return value;
  }
  return undefined;
}

function renderTag(node: TagNode, state: RenderState, out: string[]): void {
  let value = lookup(state.scopes, node.path);
  if (value === null || value === undefined) {
    state.onMissing(node.name);
    value = '';
  }
  if (typeof value === 'string') {
    if (CORRUPT.test(value)) throw new InterpretFallback('corrupt characters');
    if (value.indexOf('\n') === -1) {
      out.push(escapeXml(value));
      return;
    }
    if (node.run === null) throw new InterpretFallback('line break in an unknown run');
    const lines = value.split('\n');
    for (let i = 0; i < lines.length; i++) {
      out.push(escapeXml(lines[i]!));
      if (i < lines.length - 1) out.push(BR_OPEN + node.run + BR_CLOSE);
    }
    return;
  }
  const text = (value as { toString?: unknown }).toString ? String((value as { toString(): string }).toString()) : '';
  const escaped = escapeXml(text);
  if (escaped) out.push(escaped);
}

function renderLoop(node: LoopNode, state: RenderState, out: string[]): void {
  const { scopes } = state;
  let value = lookup(scopes, node.path);
  if (value === null || value === undefined) {
    state.onMissing(node.name);
    value = '';
  }
  const type = toStringOf.call(value);
  const start = out.length;
  const last = scopes[scopes.length - 1];
  let shown: boolean;
  const body = (scope: unknown) => {
    scopes.push(scope);
    renderList(node.body, state, out);
    scopes.pop();
  };
  if (!value || (type === '[object Array]' && (value as unknown[]).length === 0)) {
    if (node.inverted) body(last);
    shown = node.inverted;
  } else if (type === '[object Array]') {
    if (!node.inverted) for (const item of value as unknown[]) body(item);
    shown = true;
  } else if (type === '[object Object]') {
    if (!node.inverted) body(value);
    shown = !node.inverted;
  } else {
    if (!node.inverted) body(last);
    shown = !node.inverted;
  }
  if (!shown) out.length = start;
  // docxtemplater runs join-uncorrupt over each loop's own parts before they join the rest.
  else joinUncorrupt(out, start);
}

function renderList(nodes: readonly ProgramNode[], state: RenderState, out: string[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (typeof node === 'string') out.push(node);
    else if (node.kind === 'tag') renderTag(node, state, out);
    else renderLoop(node, state, out);
  }
}

// ---------------------------------------------------------------------------------------------
// Post-processing, as docxtemplater's join-uncorrupt.js and space-preserve.js do it for docx.

function addEmptyParagraphAfterTable(parts: string[], from: number): void {
  let lastNonEmpty = '';
  for (let i = from; i < parts.length; i++) {
    let p = parts[i]!;
    const c = p.charCodeAt(0);
    if (c === LT ? p.startsWith('<w:bookmarkEnd') : (c === 32 || c === 10 || c === 13 || c === 9) && WHITESPACE.test(p)) continue;
    if (lastNonEmpty.endsWith('</w:tbl>')) {
      if (!p.startsWith('<w:p') && !p.startsWith('<w:tbl') && !p.startsWith('<w:sectPr') && !p.startsWith('</w:ftr>') && !p.startsWith('</w:hdr>')) {
        p = `<w:p/>${p}`;
        parts[i] = p;
      }
    }
    lastNonEmpty = p;
  }
}

interface ShouldContain {
  open: string;
  close: string;
  shouldContain: string[];
  value: string;
  drop: boolean;
}

const TAG_SHOULD_CONTAIN: ShouldContain[] = [
  {
    open: '<w:sdtContent',
    close: '</w:sdtContent>',
    shouldContain: ['<w:p', '<w:r', '<w:commentRangeStart', '<w:sdt'],
    value: '<w:p></w:p>',
    drop: false,
  },
  { open: '<w:tc', close: '</w:tc>', shouldContain: ['<w:p'], value: '<w:p></w:p>', drop: false },
  { open: '<w:tr', close: '</w:tr>', shouldContain: ['<w:tc'], value: '', drop: true },
  { open: '<w:tbl', close: '</w:tbl>', shouldContain: ['<w:tr'], value: '', drop: true },
];

/** docxtemplater's joinUncorrupt for a docx part, in place, over parts[from…]. */
export function joinUncorrupt(parts: string[], from = 0): string[] {
  addEmptyParagraphAfterTable(parts, from);
  // Kept across the rules as docxtemplater keeps it: an element left open stops the later rules.
  let collecting = -1;
  let startIndex = -1;
  for (let j = 0; j < TAG_SHOULD_CONTAIN.length; j++) {
    const rule = TAG_SHOULD_CONTAIN[j]!;
    let collected: string[] | null = null;
    for (let i = from; i < parts.length; i++) {
      const part = parts[i]!;
      if (collecting === j) {
        if (part === rule.close) {
          collecting = -1;
          for (let k = startIndex; k <= i; k++) parts[k] = '';
          if (!rule.drop) parts[i] = (collected ?? []).join('') + rule.value + part;
          collected = null;
        } else {
          if (collected) collected.push(part);
          if (part.charCodeAt(0) === LT) {
            for (const inner of rule.shouldContain) {
              if (isStarting(part, inner)) {
                collecting = -1;
                collected = null;
                break;
              }
            }
          }
        }
      }
      if (collecting === -1 && isStarting(part, rule.open) && part.indexOf('<', 1) === -1) {
        if (part.charCodeAt(part.length - 2) === 47) parts[i] = '';
        else {
          startIndex = i;
          collecting = j;
          collected = rule.drop ? null : [part];
        }
      }
    }
  }
  return parts;
}

/** The space-preserve module's postrender: an empty preserved text becomes <w:t/>. */
function emptyTexts(parts: string[]): void {
  let lastNonEmpty = 0;
  let endsWithPreserve = false;
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i]!;
    if (p === '') continue;
    if (endsWithPreserve && p.startsWith(WT_END)) {
      const before = parts[lastNonEmpty]!;
      parts[lastNonEmpty] = `${before.slice(0, before.length - WT_PRESERVE.length)}<w:t/>`;
      p = p.slice(WT_END.length);
      parts[i] = p;
    }
    endsWithPreserve = p.endsWith(WT_PRESERVE);
    lastNonEmpty = i;
  }
}

/**
 * The part's XML for `data` (already cleaned and typeset), as docxtemplater would write it, as the
 * list of strings it joins. Each tag or loop without a value is passed to `onMissing`
 * (docxtemplater's nullGetter), and prints as an empty text. Throws InterpretFallback when this
 * document needs docxtemplater.
 */
export function runProgramParts(program: Program, data: unknown, onMissing: (tag: string) => void): string[] {
  const parts: string[] = [];
  renderList(program.nodes, { scopes: [data], onMissing }, parts);
  emptyTexts(parts);
  return joinUncorrupt(parts);
}
