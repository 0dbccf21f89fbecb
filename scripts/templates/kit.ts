import {
  AlignmentType, BorderStyle, Document, Header, type ISectionOptions, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, WidthType, type IParagraphOptions,
} from 'docx';

/**
 * Building blocks of Kaskad's templates, laid out per ГОСТ Р 7.0.97-2025: margins 20/10/20/20 mm,
 * Times New Roman 14 pt, first-line indent 1.25 cm, single spacing, page numbers from page 2 centred
 * at the top. Each template tag is one run, so Word never splits it.
 */

export const MM = 56.7; // twips per millimetre
export const FONT = 'Times New Roman';
export const BODY_SIZE = 28; // half-points: 14 pt
export const TABLE_SIZE = 24; // 12 pt
export const SMALL_SIZE = 20; // 10 pt
export const INDENT = 709; // 1.25 cm in twips

export type Size = number;
export interface RunStyle { size?: Size; bold?: boolean; italics?: boolean; underline?: boolean; allCaps?: boolean }

/** A run of literal text, or a tag written as «{tag}» kept whole in one run. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text, font: FONT, size: style.size ?? BODY_SIZE, bold: style.bold, italics: style.italics,
    underline: style.underline ? {} : undefined, allCaps: style.allCaps,
  });
}

type Align = 'left' | 'center' | 'right' | 'both';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED };

export interface ParaStyle { align?: Align; indent?: boolean; before?: number; after?: number; keepNext?: boolean; pageBreakBefore?: boolean; leftMm?: number }

/** A paragraph of runs (strings become runs at the given size). */
export function para(children: Array<TextRun | string>, style: ParaStyle & RunStyle = {}): Paragraph {
  const runs = children.map((c) => (typeof c === 'string' ? run(c, style) : c));
  const options: IParagraphOptions = {
    children: runs,
    alignment: ALIGN[style.align ?? 'left'],
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: 240 },
    indent: { firstLine: style.indent ? INDENT : 0, left: style.leftMm ? Math.round(style.leftMm * MM) : 0 },
    keepNext: style.keepNext,
    pageBreakBefore: style.pageBreakBefore,
  };
  return new Paragraph(options);
}

/** A paragraph holding only a section tag ({#x} or {/x}); docxtemplater's paragraphLoop removes it. */
export function control(tag: string): Paragraph {
  return para([tag], { size: BODY_SIZE });
}

/**
 * The body: paragraphs typed by the clerk, each in its own style — ordinary (indent 1.25 cm,
 * justified), list item («–» with a hanging indent), without indent, centred, subheading.
 */
export function bodyLoop(loop: string): Paragraph[] {
  return [
    control(`{#${loop}}`),
    control('{#plain}'), para(['{text}'], { align: 'both', indent: true }), control('{/plain}'),
    control('{#list}'), para(['– ', '{text}'], { align: 'both', indent: true }), control('{/list}'),
    control('{#noIndent}'), para(['{text}'], { align: 'both' }), control('{/noIndent}'),
    control('{#center}'), para(['{text}'], { align: 'center' }), control('{/center}'),
    control('{#heading}'), para(['{text}'], { align: 'center', bold: true, before: 120, after: 120 }), control('{/heading}'),
    control(`{/${loop}}`),
  ];
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A borderless layout table (blank corner, signature block). Widths in mm. */
export function layoutTable(widthsMm: number[], cells: Paragraph[][]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: Math.round(widthsMm.reduce((a, b) => a + b, 0) * MM), type: WidthType.DXA },
    columnWidths: widthsMm.map((w) => Math.round(w * MM)),
    borders: NO_BORDERS,
    rows: [new TableRow({
      children: cells.map((children, i) => new TableCell({
        children, width: { size: Math.round(widthsMm[i]! * MM), type: WidthType.DXA }, borders: NO_BORDERS,
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
      })),
    })],
  });
}

/**
 * A data table: a header row and one template row repeated by a loop ({#loop} in the first cell,
 * {/loop} in the last). Widths in mm; cells in 12 pt.
 */
export function dataTable(widthsMm: number[], headers: string[], cells: string[][], loop: string): Table {
  const cell = (children: Paragraph[], i: number, header = false) => new TableCell({
    children, width: { size: Math.round(widthsMm[i]! * MM), type: WidthType.DXA },
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    shading: header ? { fill: 'F2F2F2' } : undefined,
  });
  const headerRow = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) => cell([para([h], { size: TABLE_SIZE, bold: true, align: 'center' })], i, true)),
  });
  const bodyRow = new TableRow({
    children: cells.map((parts, i) => {
      const runs = [...(i === 0 ? [`{#${loop}}`] : []), ...parts, ...(i === cells.length - 1 ? [`{/${loop}}`] : [])];
      return cell([para(runs, { size: TABLE_SIZE, align: i === 0 ? 'center' : 'left' })], i);
    }),
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: Math.round(widthsMm.reduce((a, b) => a + b, 0) * MM), type: WidthType.DXA },
    columnWidths: widthsMm.map((w) => Math.round(w * MM)),
    borders: GRID,
    rows: [headerRow, bodyRow],
  });
}

/** Signature block: position on the left, «И.О. Фамилия» on the right. */
export function signatureBlock(widthMm: number): Array<Paragraph | Table> {
  return [
    para([''], { before: 240 }),
    layoutTable([widthMm * 0.6, widthMm * 0.4], [
      [para(['{signatory.position}'])],
      [para(['{signatory.name}'], { align: 'right' })],
    ]),
  ];
}

/** Executor's name and phone, bottom left in 10 pt. */
export function executorBlock(): Paragraph[] {
  return [
    control('{#hasExecutor}'),
    para([''], { size: SMALL_SIZE, before: 480 }),
    para(['{executor.name}'], { size: SMALL_SIZE }),
    para(['{executor.phone}'], { size: SMALL_SIZE }),
    control('{/hasExecutor}'),
  ];
}

/** «Приложение: на 11 л. в 1 экз.» when the document carries one. */
export function attachmentNote(): Paragraph[] {
  return [control('{#hasAttachmentNote}'), para(['{attachmentNote}'], { before: 240 }), control('{/hasAttachmentNote}')];
}

export interface PageSetup { landscape?: boolean }

/** A section with ГОСТ margins and page numbers from page 2, centred at the top. */
export function section(children: Array<Paragraph | Table>, setup: PageSetup = {}): ISectionOptions {
  const pageNumber = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY_SIZE })] });
  return {
    properties: {
      titlePage: true,
      page: {
        size: setup.landscape ? { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } : { width: 11906, height: 16838 },
        margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(20 * MM), right: Math.round(10 * MM), header: Math.round(10 * MM) },
      },
    },
    headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [new Paragraph({})] }) },
    children,
  };
}

/** The whole document, with Times New Roman 14 pt as the default style. */
export function documentOf(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    title,
    creator: 'Каскад',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 240, before: 0, after: 0 } } } } },
    sections,
  });
}

/** Text width of a portrait A4 page with ГОСТ margins, in mm. */
export const PORTRAIT_WIDTH = 180;
export const LANDSCAPE_WIDTH = 267;
