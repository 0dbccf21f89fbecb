import type ExcelJS from 'exceljs';
import { buildBlankForm } from '../../core/forms/blank-form';
import type { FormDefinition } from '../../core/forms/definition';
import type { Dataset } from '../../core/model/schemas';
import { cardRows, fillCard, load, save, seeded } from './fill';

type Answers = Record<string, ExcelJS.CellValue | [ExcelJS.CellValue, ExcelJS.CellValue]>;

/** A plausible card for a municipality with `shnor` ШНОР; `rnd` picks how well it does. */
function answersFor(name: string, shnor: number, rnd: () => number): Answers {
  const good = rnd();
  const pick = <T>(options: T[]): T => options[Math.floor(rnd() * options.length)]!;
  const yes = (p: number): string => (rnd() < p ? 'да' : 'нет');
  const part = (p: number): number => Math.max(0, Math.min(shnor, Math.round(shnor * (p + (rnd() - 0.5) * 0.4))));
  const a: Answers = {
    '0.1': name,
    '0.2': 2024,
    '0.3': `${String(10 + Math.floor(rnd() * 18)).padStart(2, '0')}.01.2025`,
    '0.4': `${pick(['Иванова', 'Петрова', 'Смирнова', 'Кузнецова', 'Попова'])} ${pick(['А.', 'Е.', 'Н.', 'О.'])}${pick(['В.', 'С.', 'И.'])}, 8 (351) ${200 + Math.floor(rnd() * 700)}-${10 + Math.floor(rnd() * 89)}-${10 + Math.floor(rnd() * 89)}`,
    '0.5': shnor,
  };
  const act = yes(0.6 + good * 0.4);
  a['1.1'] = act === 'да' ? 'да' : ['нет', 'проект программы на согласовании'];
  if (act === 'да') {
    a['1.2'] = `${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}.0${1 + Math.floor(rnd() * 8)}.2024`;
    a['1.3'] = `${Math.floor(rnd() * 900) + 100}-од`;
  }
  for (const key of ['1.4', '1.5']) {
    const v = yes(0.5 + good * 0.5);
    a[key] = v === 'да' ? v : [v, 'в работе'];
  }
  a['1.6'] = pick(good > 0.5 ? ['да', 'да', 'частично'] : ['частично', 'нет']);
  a['1.7'] = yes(0.7);
  if (shnor > 0) {
    a['2.1'] = part(0.7 + good * 0.3);
    a['2.2'] = part(0.5 + good * 0.4);
    a['2.3'] = Math.min(100, Math.round(40 + good * 40 * rnd() + 20 * good));
    a['4.1'] = part(good * 0.3);
    a['4.2'] = Math.round(good * 80);
    a['4.3'] = Math.round(85 + good * 15);
  }
  a['2.4'] = Math.floor(good * 7);
  const forms = ['наставничество', 'сетевое взаимодействие', 'стажировки', 'методический десант', 'консультирование', 'школа-партнёр'];
  a['2.5'] = forms.filter(() => rnd() < 0.3 + good * 0.5).join('; ') || 'консультирование';
  a['2.6'] = pick(good > 0.4 ? ['в муниципальном бюджете', 'из других источников'] : ['не предусмотрено', 'из других источников']);
  for (const key of ['3.1', '3.3', '3.4']) {
    const v = yes(0.5 + good * 0.5);
    a[key] = v === 'да' ? v : [v, 'запланировано на 2025 год'];
  }
  if (a['3.1'] === 'да')
    a['3.2'] = `${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}.${String(9 + Math.floor(rnd() * 4)).padStart(2, '0')}.2024`;
  a['3.5'] = `${Math.round(40 + good * 60)}`.replace(/(\d)$/, '$1,5').replace(/^100,5$/, '100');
  a['4.4'] = pick(good > 0.6 ? ['значительное', 'незначительное'] : ['незначительное', 'нет снижения']);
  return a;
}

/**
 * Deliberate errors, one kind per card, so that the demo shows each rule at work. The keys are
 * municipality ids of the sample region; the value damages the filled sheet.
 */
const DAMAGE: Record<string, (ws: ExcelJS.Worksheet, a: Answers) => void> = {
  mo02: (ws) => fillCard(ws, { '0.5': 'пять' }), // type: number
  mo05: (ws) => fillCard(ws, { '2.3': 120 }), // type: percent out of 0..100
  mo08: (ws) => fillCard(ws, { '0.3': 'вчера' }), // type: date
  mo11: (ws) => fillCard(ws, { '1.6': 'иногда' }), // type: choice
  mo13: (ws) => fillCard(ws, { '1.7': 'может быть' }), // type: да/нет
  mo15: (ws) => fillCard(ws, { '0.4': null }), // required
  mo17: (ws) => fillCard(ws, { '1.1': ['нет', 'нет акта'], '1.3': '12-од' }), // relevant: act number without an act
  mo19: (ws, a) => fillCard(ws, { '2.1': Number(a['0.5'] ?? 0) + 2 }), // cross-field: numerator > denominator
  mo21: (ws) => fillCard(ws, { '3.1': 'да', '3.2': '15.05.2022' }), // cross-field: date outside the period
  mo23: (ws, a) => fillCard(ws, { '0.5': Number(a['0.5'] ?? 0) + 1 }), // reference: count ≠ list of ШНОР
  mo25: (ws) => fillCard(ws, { '2.4': { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue }), // formula error
  mo27: (ws) => fillCard(ws, { '1.4': ['нет', null] }), // required comment when 0 points
  mo29: (ws) => {
    const n = cardRows(ws).get('1.3');
    if (n) {
      ws.unprotect();
      ws.mergeCells(n, 3, n, 4);
    }
  }, // merged input
  mo31: (ws) => fillCard(ws, { '2.2': 1.5 }), // type: integer
  mo33: (ws) => fillCard(ws, { '2.5': 'наставничество; пикник' }), // multi-choice
};

export interface SampleFile {
  name: string;
  bytes: Uint8Array;
}

/** 43 F1 cards: 42 municipalities (mo43 sends none), mo07 sends two; some carry deliberate errors. */
export async function buildF1Cards(def: FormDefinition, dataset: Dataset): Promise<SampleFile[]> {
  const out: SampleFile[] = [];
  const shnorOf = (id: string): number =>
    dataset.schoolLists.filter((e) => e.year === 2024 && e.list === 'ШНОР' && dataset.schools.find((s) => s.id === e.schoolId)?.municipalityId === id)
      .length;
  const municipalities = dataset.municipalities.filter((m) => m.id !== 'mo43');
  for (const [i, m] of municipalities.entries()) {
    const rnd = seeded(1000 + i);
    const wb = await load(await buildBlankForm(def, { municipality: m.name, year: 2024 }));
    const ws = wb.getWorksheet('Карта мониторинга')!;
    const answers = answersFor(m.name, shnorOf(m.id), rnd);
    fillCard(ws, answers);
    DAMAGE[m.id]?.(ws, answers);
    out.push({ name: `F1-${m.id}.xlsx`, bytes: await save(wb) });
    if (m.id === 'mo07') {
      const again = await load(await buildBlankForm(def, { municipality: m.name, year: 2024 }));
      fillCard(again.getWorksheet('Карта мониторинга')!, answersFor(m.name, shnorOf(m.id), seeded(77)));
      out.push({ name: `F1-${m.id}-повторно.xlsx`, bytes: await save(again) });
    }
  }
  return out;
}
