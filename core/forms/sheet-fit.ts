/**
 * Column widths and row heights that fit the text, for workbooks Kaskad writes: exceljs stores
 * whatever it is given, and neither Excel nor LibreOffice grows a row for wrapped text written
 * by a program, so multi-line cells overlapped the next rows. Widths are in characters, heights
 * in points (Calibri 11: about 15 pt a line).
 */
const LINE_PT = 15;
const PADDING = 2;

/** The width a header needs so that no word is cut: its longest word, plus padding. */
export function headerWidth(header: string, min = 6): number {
  const longest = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
  return Math.max(min, longest + PADDING);
}

/** How many lines a text takes in a column `width` characters wide, wrapping at spaces. */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(' ')) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= usable) line += 1 + w;
      else {
        count++;
        line = w;
      }
      while (line > usable) {
        count++;
        line -= usable;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** The height (points) of a row whose cells hold `texts` in columns of `widths`. */
export function rowHeight(texts: ReadonlyArray<string>, widths: ReadonlyArray<number>): number {
  let lines = 1;
  texts.forEach((t, i) => {
    if (t) lines = Math.max(lines, linesIn(t, widths[i] ?? 10));
  });
  return lines * LINE_PT + 3;
}
