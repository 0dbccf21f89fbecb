import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { readZipEntries } from '../../../core/zip/read-zip';
import { replaceZipParts } from '../../../core/zip/write-zip';
import { convertToPdf, findSoffice } from '../../../generator/io/pdf';
import { TEMP_PREFIX } from '../../../generator/io/output';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-pdf-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in for soffice: a shell script in the test folder. */
function fakeSoffice(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

/** Logs its arguments one per line, then "converts" every .docx it is given into --outdir. */
function fakeConverter(log: string, skip = ''): string {
  return fakeSoffice(
    'soffice',
    `for a in "$@"; do echo "$a" >> '${log}'; done; echo '--' >> '${log}'
outdir=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && outdir="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) n=$(basename "$a" .docx); [ "$n" = '${skip}' ] || printf '%%PDF-1.7 %s' "$n" > "$outdir/$n.pdf";; esac; done`,
  );
}

function docxFiles(names: string[]): string[] {
  const docs = path.join(dir, 'docs');
  fs.mkdirSync(docs, { recursive: true });
  return names.map((n) => {
    const file = path.join(docs, `${n}.docx`);
    fs.writeFileSync(file, 'PK');
    return file;
  });
}

/** Runs of the fake soffice: each is the list of its arguments. */
function runs(log: string): string[][] {
  const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
  const out: string[][] = [[]];
  for (const line of lines) {
    if (line === '--') out.push([]);
    else out[out.length - 1]?.push(line);
  }
  return out.filter((r) => r.length > 0);
}

const visible = (folder: string): string[] =>
  fs
    .readdirSync(folder)
    .filter((n) => !n.startsWith(TEMP_PREFIX))
    .sort();

function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie is dead, only not yet reaped
  } catch {
    return false;
  }
}

describe('поиск LibreOffice', () => {
  test('нет ни на PATH, ни в обычных местах → undefined', () => {
    expect(findSoffice({ pathEnv: path.join(dir, 'nowhere'), fallbacks: [] })).toBeUndefined();
  });

  test('libreoffice на PATH находится', () => {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'libreoffice'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findSoffice({ pathEnv: `${path.join(dir, 'empty')}${path.delimiter}${bin}`, fallbacks: [] })).toBe(path.join(bin, 'libreoffice'));
  });

  test('неисполняемый файл не считается', () => {
    fs.writeFileSync(path.join(dir, 'soffice'), '', { mode: 0o644 });
    expect(findSoffice({ pathEnv: dir, fallbacks: [] })).toBeUndefined();
  });

  test('запасной путь, если на PATH нет', () => {
    const fallback = fakeSoffice('soffice-elsewhere', 'exit 0');
    expect(findSoffice({ pathEnv: '', fallbacks: ['/nonexistent/soffice', fallback] })).toBe(fallback);
  });
});

describe('преобразование в PDF (поддельный soffice)', () => {
  test('без LibreOffice — предупреждение PDF_UNAVAILABLE, ничего не создано', async () => {
    const result = await convertToPdf(docxFiles(['a']), path.join(dir, 'out'), { soffice: path.join(dir, 'нет', 'soffice') });
    expect(result.made).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'PDF_UNAVAILABLE', severity: 'warning' })]);
  });

  test('по частям, по очереди, с нужными ключами и своим профилем, который потом удалён', async () => {
    const log = path.join(dir, 'log.txt');
    const docs = docxFiles(['Письмо № 1', 'Письмо № 2', 'Письмо № 3']);
    const out = path.join(dir, 'out');
    const result = await convertToPdf(docs, out, { soffice: fakeConverter(log), chunkSize: 2 });
    expect(result.issues).toEqual([]);
    expect(result.made).toEqual(['Письмо № 1.pdf', 'Письмо № 2.pdf', 'Письмо № 3.pdf'].map((n) => path.join(out, n)));
    expect(visible(out)).toEqual(['Письмо № 1.pdf', 'Письмо № 2.pdf', 'Письмо № 3.pdf']);
    expect(fs.readdirSync(out).filter((n) => n.startsWith(TEMP_PREFIX))).toEqual([]);

    const [first, second] = runs(log);
    expect(first?.slice(-2)).toEqual([docs[0], docs[1]]);
    expect(second?.slice(-1)).toEqual([docs[2]]);
    expect(first?.slice(0, 3)).toEqual(['--headless', '--norestore', '--nolockcheck']);
    expect(first).toEqual(expect.arrayContaining(['--convert-to', 'pdf', '--outdir']));
    const profileArg = first?.find((a) => a.startsWith('-env:UserInstallation=file://'));
    expect(profileArg).toBeDefined();
    expect(second).toContain(profileArg);
    const profileDir = decodeURIComponent(new URL(profileArg!.slice('-env:UserInstallation='.length)).pathname);
    expect(profileDir.startsWith(os.tmpdir())).toBe(true);
    expect(fs.existsSync(profileDir)).toBe(false);
  });

  test('документ, для которого PDF не появился, — PDF_FAILED с его путём', async () => {
    const docs = docxFiles(['хороший', 'плохой']);
    const out = path.join(dir, 'out');
    const result = await convertToPdf(docs, out, { soffice: fakeConverter(path.join(dir, 'log'), 'плохой') });
    expect(result.made).toEqual([path.join(out, 'хороший.pdf')]);
    expect(result.issues.map((i) => [i.code, i.location])).toEqual([['PDF_FAILED', { kind: 'file', file: docs[1] }]]);
  });

  test('soffice с ошибкой — один PDF_FAILED на часть, с кодом и последней строкой stderr; другие части идут', async () => {
    const log = path.join(dir, 'log.txt');
    const converter = fakeConverter(log);
    const soffice = fakeSoffice(
      'flaky',
      `case "$*" in *'Письмо 1'*) echo 'Error: source file could not be loaded' >&2; exit 3;; esac; exec '${converter}' "$@"`,
    );
    const docs = docxFiles(['Письмо 1', 'Письмо 2']);
    const out = path.join(dir, 'out');
    const result = await convertToPdf(docs, out, { soffice, chunkSize: 1 });
    expect(result.made).toEqual([path.join(out, 'Письмо 2.pdf')]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'PDF_FAILED', location: { kind: 'file', file: out } });
    expect(result.issues[0]?.message).toContain('код 3: Error: source file could not be loaded');
    expect(result.issues[0]?.message).toContain('Письмо 1.docx');
  });

  test('код 81 (LibreOffice просит перезапуска после создания профиля) — часть повторяется один раз', async () => {
    const log = path.join(dir, 'log.txt');
    const marker = path.join(dir, 'started-once');
    const soffice = fakeSoffice('first-start', `[ -f '${marker}' ] || { touch '${marker}'; exit 81; }; exec '${fakeConverter(log)}' "$@"`);
    const out = path.join(dir, 'out');
    const result = await convertToPdf(docxFiles(['Письмо']), out, { soffice });
    expect(result).toEqual({ made: [path.join(out, 'Письмо.pdf')], issues: [] });
  });

  test('зависший soffice убивается по таймауту вместе с дочерними процессами, неполные PDF не остаются', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const soffice = fakeSoffice(
      'hung',
      `outdir=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && outdir="$a"; prev="$a"; done
printf '%%PDF-1.7 half' > "$outdir/a.pdf"; sleep 30 & echo $! > '${pidFile}'; wait`,
    );
    const started = Date.now();
    const out = path.join(dir, 'out');
    const result = await convertToPdf(docxFiles(['a', 'b']), out, { soffice, timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.made).toEqual([]);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'PDF_FAILED' })]);
    expect(result.issues[0]?.message).toMatch(/не уложился в 1 с/);
    expect(fs.readdirSync(out)).toEqual([]);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    if (fs.existsSync('/proc')) {
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
      expect(alive(pid)).toBe(false);
    }
  });

  test('существующий PDF без force остаётся (OUTPUT_EXISTS), с force заменяется', async () => {
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'Письмо.pdf'), 'старый');
    const docs = docxFiles(['Письмо']);
    const soffice = fakeConverter(path.join(dir, 'log'));
    const kept = await convertToPdf(docs, out, { soffice });
    expect(kept.made).toEqual([]);
    expect(kept.issues).toEqual([expect.objectContaining({ code: 'OUTPUT_EXISTS', location: { kind: 'file', file: path.join(out, 'Письмо.pdf') } })]);
    expect(fs.readFileSync(path.join(out, 'Письмо.pdf'), 'utf8')).toBe('старый');
    const replaced = await convertToPdf(docs, out, { soffice, force: true });
    expect(replaced).toEqual({ made: [path.join(out, 'Письмо.pdf')], issues: [] });
    expect(fs.readFileSync(path.join(out, 'Письмо.pdf'), 'utf8')).toMatch(/^%PDF/);
  });

  test('пустой список — ничего не запускается', async () => {
    expect(await convertToPdf([], path.join(dir, 'out'), { soffice: '/nonexistent' })).toEqual({ made: [], issues: [] });
  });
});

// With CI set this must run (and fail when LibreOffice is missing); locally it may skip.
const soffice = findSoffice();
const withLibreOffice = soffice !== undefined || process.env.CI ? describe : describe.skip;

withLibreOffice('преобразование в PDF настоящим LibreOffice', () => {
  test('русский .docx и .docx, собранный из него replaceZipParts, становятся PDF; текст находит pdftotext', async () => {
    const docs = path.join(dir, 'Письма 2024');
    fs.mkdirSync(docs);
    const letter = 'Уважаемые коллеги! Направляем итоги мониторинга.';
    const note = 'Справка о результатах мониторинга ШНОР.';
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(letter)] })] }] });
    const first = new Uint8Array(await Packer.toBuffer(doc));
    // The second one as the generator makes it: template parts copied raw, document.xml replaced.
    const entries = readZipEntries(first);
    const part = entries.find((e) => e.name === 'word/document.xml');
    if (!part) throw new Error('нет word/document.xml');
    const xml = new TextDecoder().decode(part.method === 8 ? zlib.inflateRawSync(part.raw) : part.raw);
    const second = replaceZipParts(entries, new Map([['word/document.xml', new TextEncoder().encode(xml.replace(letter, note))]]));
    const files = [path.join(docs, 'Письмо № 04-335.docx'), path.join(docs, 'Справка.docx')];
    fs.writeFileSync(files[0]!, first);
    fs.writeFileSync(files[1]!, second);

    const out = path.join(dir, 'PDF');
    const result = await convertToPdf(files, out);
    expect(result.issues).toEqual([]);
    expect(result.made).toEqual([path.join(out, 'Письмо № 04-335.pdf'), path.join(out, 'Справка.pdf')]);
    for (const [name, text] of [
      ['Письмо № 04-335', letter],
      ['Справка', note],
    ] as const) {
      const pdf = path.join(out, `${name}.pdf`);
      expect(fs.readFileSync(pdf).subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(text);
    }
    expect(visible(out)).toEqual(['Справка.pdf', 'Письмо № 04-335.pdf'].sort());
  });
});
