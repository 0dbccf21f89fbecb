/**
 * Forms bench: validate and score N filled technology cards (F2) and, in the same process, let
 * exceljs read the same bytes bare; Kaskad's share is the overhead (b − a) / a, target ≤ 25 %.
 *
 *   (a) bare read: new ExcelJS.Workbook().xlsx.load(bytes)
 *   (b) Kaskad:    the same load + readSnapshot + validateForm (with the sample region's
 *                  reference data, as `kaskad validate --data` runs it) + scoreForm
 *
 * The cards are copies of templates/forms/samples/F2, each with its contact, its school-level
 * measures and its priorities (rotated among the filled rows) changed, written to xlsx bytes in memory. Writing costs more than
 * reading, so at most DISTINCT different cards are made and read in turn; every read is a full
 * exceljs load of bytes. (a) and (b) alternate round by round after a warm-up.
 *
 * `node build/bench/forms.js [cards]` prints the lines; `markdown` is a BENCHMARKS.md section.
 */
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import { buildReferenceData, type ReferenceData } from '../core/forms/reference-data';
import { loadDefinitions, pickDefinition } from '../generator/forms/load-definitions';
import type { FormDefinition } from '../core/forms/definition';
import { scoreForm } from '../core/forms/score';
import { readSnapshot } from '../core/forms/snapshot';
import { validateForm } from '../core/forms/validate';
import { readDatasetJson } from '../core/model/read-dataset-json';
import { median } from './measure';

/** 5 000 cards: about 45 s on a quiet 2-core EPYC, card making included (longer when other processes share the cores). */
export const DEFAULT_CARDS = 5000;
const DISTINCT = 1000;
/** Short alternating rounds (100 cards each at the default), so both paths meet the same load from other processes. */
const ROUNDS = 50;
const WARMUP = 200;
const TARGET_OVERHEAD = 0.25;

/** The repository root, from bench/ (jest) or build/bench/ (node). */
const ROOT = existsSync(path.join(__dirname, '..', 'package.json')) ? path.join(__dirname, '..') : path.join(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'templates', 'forms', 'samples', 'F2');
const REGION = path.join(ROOT, 'templates', 'data', 'sample-region.json');

const SCHOOL_SHEET = 'Школа';
const CARD_SHEET = 'Технологическая карта';
const CONTACT_LABEL = 'Ответственный (ФИО, телефон)';
const PRIORITY_HEADER = 'Приоритет (1–4)';
const SCHOOL_LEVEL_HEADER = 'На уровне ОО';

interface CellCount {
  /** Cells exceljs reads as holding a value (row.eachCell without empties). */
  filled: number;
  /** Cells from A1 to each sheet's last used row and column. */
  used: number;
}

interface Timing {
  ms: number;
  /** This process's CPU time (user + system, all its threads). */
  cpuMs: number;
  rounds: number[];
}

/** The cells one copy changes, with the sample's own values to start from. */
interface Edits {
  contact: ExcelJS.Cell;
  contactText: string;
  measures: Array<{ priority: ExcelJS.Cell; rank: number; measure: ExcelJS.Cell; text: string }>;
}

const text = (cell: ExcelJS.Cell): string => (cell.value === null || cell.value === undefined ? '' : cell.text);

function sheetOf(workbook: ExcelJS.Workbook, name: string, file: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`${file}: no sheet «${name}»`);
  return sheet;
}

function findEdits(workbook: ExcelJS.Workbook, file: string): Edits {
  const school = sheetOf(workbook, SCHOOL_SHEET, file);
  let contact: ExcelJS.Cell | undefined;
  school.eachRow((row) => {
    if (text(row.getCell(2)) === CONTACT_LABEL) contact = row.getCell(3);
  });
  const card = sheetOf(workbook, CARD_SHEET, file);
  let headerRow = 0;
  let priorityCol = 0;
  let measureCol = 0;
  card.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (text(cell) === PRIORITY_HEADER) {
        headerRow = r;
        priorityCol = c;
      }
      if (text(cell) === SCHOOL_LEVEL_HEADER) measureCol = c;
    });
  });
  if (!contact || !headerRow || !measureCol) throw new Error(`${file}: the contact or the card's columns were not found`);
  const measures: Edits['measures'] = [];
  for (let r = headerRow + 1; r <= card.rowCount; r++) {
    const priority = card.getCell(r, priorityCol);
    if (typeof priority.value === 'number')
      measures.push({ priority, rank: priority.value, measure: card.getCell(r, measureCol), text: text(card.getCell(r, measureCol)) });
  }
  return { contact, contactText: text(contact), measures };
}

/** Copy `i`: the contact and measures numbered, the priorities rotated among the filled rows. */
function applyCopy(edits: Edits, i: number): void {
  edits.contact.value = `${edits.contactText}, доб. ${100 + i}`;
  const k = edits.measures.length;
  for (const m of edits.measures) {
    m.priority.value = ((m.rank - 1 + i) % k) + 1;
    m.measure.value = `${m.text} (вариант ${i + 1})`;
  }
}

// exceljs accepts any ArrayBuffer view; its typings name Node's Buffer.
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** `count` distinct filled cards as xlsx bytes, made from the sample cards in turn. */
export async function makeCards(count: number): Promise<Uint8Array[]> {
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  const samples: Array<{ workbook: ExcelJS.Workbook; edits: Edits }> = [];
  for (const file of files) {
    const workbook = await load(readFileSync(path.join(SAMPLES, file)));
    samples.push({ workbook, edits: findEdits(workbook, file) });
  }
  if (!samples.length) throw new Error(`no sample cards in ${SAMPLES}`);
  const cards: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length]!;
    applyCopy(sample.edits, i);
    cards.push(new Uint8Array(await sample.workbook.xlsx.writeBuffer()));
  }
  return cards;
}

function countCells(workbook: ExcelJS.Workbook): CellCount {
  let filled = 0;
  let used = 0;
  workbook.eachSheet((sheet) => {
    used += sheet.rowCount * sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, () => {
        filled++;
      }),
    );
  });
  return { filled, used };
}

interface Checker {
  def: FormDefinition;
  data: ReferenceData | undefined;
  /** Issues found over every card read by (b); keeps the work observable. */
  issues: number;
}

async function readBare(bytes: Uint8Array): Promise<void> {
  await load(bytes);
}

async function readKaskad(bytes: Uint8Array, checker: Checker): Promise<void> {
  const snapshot = readSnapshot(await load(bytes));
  const result = validateForm(checker.def, snapshot, { file: 'card.xlsx', data: checker.data });
  const score = scoreForm(checker.def, result, checker.data);
  checker.issues += result.issues.length + score.flags.length;
}

/** Reads cards from…to-1 (cycling through the distinct ones) and adds the time to `into`. */
async function timeReads(
  cards: readonly Uint8Array[],
  from: number,
  to: number,
  read: (bytes: Uint8Array) => Promise<void>,
  into?: Timing,
): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = from; i < to; i++) await read(cards[i % cards.length]!);
  const ms = performance.now() - started;
  if (!into) return;
  const used = process.cpuUsage(cpu);
  into.ms += ms;
  into.cpuMs += (used.user + used.system) / 1000;
  into.rounds.push(ms);
}

function referenceData(): ReferenceData | undefined {
  const loaded = readDatasetJson(readFileSync(REGION, 'utf8'), path.basename(REGION));
  return loaded.dataset ? buildReferenceData(loaded.dataset) : undefined;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} logical cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node.js ${process.version}`;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const percent = (x: number): string => `${(x * 100).toFixed(1)} %`;

export async function benchForms(options: { cards?: number } = {}): Promise<{ markdown: string; lines: string[] }> {
  const total = options.cards ?? DEFAULT_CARDS;
  if (!Number.isInteger(total) || total < 1) throw new Error(`cards must be a whole number from 1, not ${total}`);
  const def = pickDefinition((await loadDefinitions()).definitions, 'F2');
  if (!def) throw new Error('no F2 in templates/forms');
  const checker: Checker = { def, data: referenceData(), issues: 0 };

  const madeAt = performance.now();
  const cards = await makeCards(Math.min(total, DISTINCT));
  const makeMs = performance.now() - madeAt;

  // Warm-up: every distinct card read once (counting its cells), then both paths.
  const perCard: CellCount[] = [];
  for (const bytes of cards) perCard.push(countCells(await load(bytes)));
  const warmup = Math.min(WARMUP, total);
  await timeReads(cards, 0, warmup, readBare);
  await timeReads(cards, 0, warmup, (b) => readKaskad(b, checker));
  checker.issues = 0;

  const bare: Timing = { ms: 0, cpuMs: 0, rounds: [] };
  const kaskad: Timing = { ms: 0, cpuMs: 0, rounds: [] };
  const rounds = Math.min(ROUNDS, total);
  for (let round = 0; round < rounds; round++) {
    const from = Math.floor((total * round) / rounds);
    const to = Math.floor((total * (round + 1)) / rounds);
    const runBare = () => timeReads(cards, from, to, readBare, bare);
    const runKaskad = () => timeReads(cards, from, to, (b) => readKaskad(b, checker), kaskad);
    // Alternate which goes first, so neither always inherits the other's garbage.
    if (round % 2 === 0) {
      await runBare();
      await runKaskad();
    } else {
      await runKaskad();
      await runBare();
    }
  }

  let filled = 0;
  let used = 0;
  for (let i = 0; i < total; i++) {
    const count = perCard[i % perCard.length]!;
    filled += count.filled;
    used += count.used;
  }
  const overhead = (kaskad.ms - bare.ms) / bare.ms;
  const cpuOverhead = (kaskad.cpuMs - bare.cpuMs) / bare.cpuMs;
  const roundOverhead = median(bare.rounds.map((a, i) => (kaskad.rounds[i]! - a) / a));
  const met = overhead <= TARGET_OVERHEAD;
  const reads = total / cards.length;
  const setup =
    `${int(total)} technology cards (F2): ${int(cards.length)} distinct, each read ${Number.isInteger(reads) ? int(reads) : reads.toFixed(1)}×; ` +
    `${int(filled)} non-empty cells read (${int(used)} cells in used ranges)`;
  const rows = [
    { label: '(a) exceljs bare read: Workbook().xlsx.load(bytes)', t: bare },
    { label: '(b) Kaskad: load + readSnapshot + validateForm + scoreForm', t: kaskad },
  ];
  const verdict = `${met ? 'PASS' : 'FAIL'}  validation + scoring on top of the read: ${percent(overhead)} (target ≤ ${percent(TARGET_OVERHEAD)}; median round ${percent(roundOverhead)}, by CPU time ${percent(cpuOverhead)})`;

  const lines = [
    `Forms: ${setup}`,
    `Cards made in ${seconds(makeMs)} s; ${rounds} alternating rounds after ${int(warmup)} warm-up reads of each path; issues found by (b): ${int(checker.issues)}`,
    `${'measurement'.padEnd(62)}${'s'.padStart(8)}${'cells/s'.padStart(12)}${'cards/s'.padStart(10)}`,
    ...rows.map(
      ({ label, t }) =>
        `${label.padEnd(62)}${seconds(t.ms).padStart(8)}${int((filled * 1000) / t.ms).padStart(12)}${int((total * 1000) / t.ms).padStart(10)}`,
    ),
    verdict,
    `Machine: ${machine()}`,
  ];
  const markdown = [
    '## Validating technology cards (F2)',
    '',
    `${setup}. Both paths in one process, ${rounds} alternating rounds after a warm-up; cells/s counts non-empty cells.`,
    '',
    '| Measurement | Cards | Cells | s | cells/s | cards/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ label, t }) =>
        `| ${label} | ${int(total)} | ${int(filled)} | ${seconds(t.ms)} | ${int((filled * 1000) / t.ms)} | ${int((total * 1000) / t.ms)} |`,
    ),
    '',
    '| Target | Goal | Measured | Result |',
    '| --- | --- | --- | --- |',
    `| Validation + scoring on top of exceljs's read, (b − a) / a, wall time | ≤ ${percent(TARGET_OVERHEAD)} | ${percent(overhead)} | ${met ? 'PASS' : 'FAIL'} |`,
    '',
    `Median round: ${percent(roundOverhead)}; by the process's CPU time: ${percent(cpuOverhead)}.`,
    '',
    '- Cards: the samples in `templates/forms/samples/F2` in turn, each copy with its contact, its school-level measures and its priorities (rotated among the filled rows) changed, written by exceljs to bytes in memory; every read is a full `xlsx.load` of bytes. One sample in six repeats a priority on purpose, so (b) finds one issue in those cards.',
    "- (b) validates with the reference data of `templates/data/sample-region.json`, as `kaskad validate --data` does; `openWorkbook`'s zip checks are not included. F2 has no scoring section, so `scoreForm` does almost nothing.",
    `- Machine: ${machine()}.`,
    '',
  ].join('\n');
  return { markdown, lines };
}

if (require.main === module) {
  const cards = process.argv[2] ? Number(process.argv[2]) : undefined;
  benchForms({ cards }).then(
    (result) => {
      for (const line of result.lines) console.log(line);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
