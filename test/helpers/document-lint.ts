/**
 * A linter for made documents (test code): what a clerk would otherwise retouch before signing.
 * Each rule returns findings `{ rule, detail }`; a clean document gives none.
 */
import PizZip from 'pizzip';
import { compareNatural } from '../../core/format/natural-sort';
import { docxParagraphs } from './docx-paragraphs';

export interface LintFinding {
  rule: string;
  detail: string;
}

export interface LintOptions {
  /** A per-МОУО letter: «Приложение:» is required, schools lists must be in natural order. */
  mailing?: boolean;
  /** Documents with registration data (all but technology cards): a date and a number. */
  registered?: boolean;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Rows of each table as cell texts, with whether the row is a repeated header. */
export function tables(documentXml: string): Array<Array<{ header: boolean; cantSplit: boolean; cells: string[] }>> {
  return (documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((tbl) =>
    (tbl.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) => ({
      header: /<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/.test(tr),
      cantSplit: /<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:cantSplit\/>/.test(tr),
      cells: (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) =>
        decode((tc.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
      ),
    })),
  );
}

/** Words of the repeated header rows (four letters and more): each must show whole in the PDF. */
export function headerWords(documentXml: string): string[] {
  const words = new Set<string>();
  for (const table of tables(documentXml)) {
    for (const row of table.filter((r) => r.header)) {
      for (const cell of row.cells) for (const w of cell.split(/[\s\u00a0/]+/)) if (/^[\p{L}-]{4,}$/u.test(w)) words.add(w);
    }
  }
  return [...words];
}

const PLURAL_ADDRESSEE = /^(Руководител|Начальник|Директор|Глав)[а-я]*ям\b|^[А-ЯЁ][а-яё]+ам\b/;
const ONE_PERSON = /(?:^|\n)[А-ЯЁ]\.[А-ЯЁ]\.\u00a0[А-ЯЁ][а-яё-]+\s*$/;

export function lintDocument(bytes: Uint8Array, options: LintOptions = {}): LintFinding[] {
  const zip = new PizZip(bytes);
  const xml = zip.file('word/document.xml')!.asText();
  const settings = zip.file('word/settings.xml')?.asText() ?? '';
  const paragraphs = docxParagraphs(bytes);
  const text = paragraphs.join('\n');
  const findings: LintFinding[] = [];
  const add = (rule: string, detail: string) => findings.push({ rule, detail });

  for (const p of paragraphs) if (p.includes('"')) add('straight-quote', p.slice(0, 80));
  for (const m of text.matchAll(/№[ \t]\S{0,20}/g)) add('space-after-number-sign', m[0]);
  for (const m of text.matchAll(
    /(?<![\p{L}])[А-ЯЁ]\.[ \t]?[А-ЯЁ]\.[ \t][А-ЯЁ][а-яё]+|(?<![\p{L}])[А-ЯЁ]\.[ \t][А-ЯЁ]\.|(?<![\p{L}])[А-ЯЁ][а-яё]+[ \t][А-ЯЁ]\.[А-ЯЁ]\./gu,
  )) {
    add('space-in-initials', m[0]);
  }
  if (!/<w:autoHyphenation\/>|<w:autoHyphenation w:val="(?:true|1|on)"\/>/.test(settings)) add('hyphenation-off', 'word/settings.xml');
  tables(xml).forEach((table, t) =>
    table.forEach((row, r) => {
      if (!row.cantSplit) add('row-can-split', `таблица ${t + 1}, строка ${r + 1}`);
    }),
  );

  // Schools in natural order: each list under a header «Общеобразовательная организация».
  for (const table of tables(xml)) {
    const head = table.find((r) => r.header);
    const column = head?.cells.findIndex((c) => /организация/i.test(c)) ?? -1;
    if (!head || column < 0 || head.cells.some((c) => /Муниципальное/.test(c))) continue;
    const names = table
      .filter((r) => !r.header)
      .map((r) => r.cells[column] ?? '')
      .filter((n) => n !== '');
    const sorted = [...names].sort(compareNatural);
    if (names.join('|') !== sorted.join('|')) add('schools-order', names.join(', ').slice(0, 120));
  }

  // The greeting answers the addressee: several people — «Уважаемые коллеги!», one named person — by name and patronymic.
  const greeting = paragraphs.find((p) => /^Уважаем/.test(p.trim()));
  const addresseeText = addresseeOf(xml);
  if (greeting && addresseeText) {
    if (ONE_PERSON.test(addresseeText) && !/^Уважаем(ый|ая) [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+!$/.test(greeting.trim()))
      add('greeting', `${greeting} ← ${addresseeText}`);
    if (PLURAL_ADDRESSEE.test(addresseeText) && greeting.trim() !== 'Уважаемые коллеги!') add('greeting', `${greeting} ← ${addresseeText}`);
  }

  if (options.mailing && !paragraphs.some((p) => p.startsWith('Приложение:'))) add('no-attachment-requisite', 'нет «Приложение:»');
  if (options.registered) {
    if (!/\b\d{2}\.\d{2}\.\d{4}\b/.test(text)) add('no-date', 'нет даты ДД.ММ.ГГГГ');
    // The registration line («07.12.2023 № 12865», «от 08.02.2024 № 04/335», or «№ 04/335» in its own cell); «№ п/п», «На № _____» and
    // numbers cited in the text do not count. A справка without a number in its row prints the form's blank «№ _____».
    const registration = /^(?:(?:от )?\d{2}\.\d{2}\.\d{4}\s*)?№\u00a0(?!п\/п$)\S+$/;
    if (!paragraphs.some((p) => p.trim().length <= 40 && registration.test(p.trim()))) add('no-number', 'нет номера «№ …»');
  }
  return findings;
}

/** The addressee block (the letterhead table's right cell), lines joined by «\n». */
function addresseeOf(documentXml: string): string {
  const first = (documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/) ?? [''])[0];
  const cells = first.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
  const last = cells.at(-1) ?? '';
  const paragraphs = last.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) =>
      (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>/g) ?? []).map((x) => (x === '<w:br/>' ? '\n' : decode(x.replace(/<[^>]+>/g, '')))).join(''),
    )
    .join('\n')
    .trim();
}
