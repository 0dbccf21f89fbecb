/**
 * The planner bench: 1 000 ШНОР × 100 curators × 300 leader schools over 100 municipalities (a
 * 10 × 10 grid of neighbours), last year's pairs for most schools, planned in Node with HiGHS.
 * Not a test: it prints and returns a BENCHMARKS.md section with time, solver status and gap.
 *
 *   node build/bench/planner.js
 */
import loadHighs from 'highs';
import { planDistribution } from '../core/planner/plan';
import { emptyDataset, type Dataset } from '../core/model/schemas';
import { measureSamplePlan, samplePlanLines, samplePlanMarkdown } from './planner-page';

const SIDE = 10;
const SHNOR = 1000;
const CURATORS = 100;
const LEADERS = 300;
const TARGET_MS = 5000;

/** A seeded generator (mulberry32): the same instance every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchDataset(year = 2025): Dataset {
  const random = seeded(1000);
  const d = emptyDataset();
  const mid = (r: number, c: number) => `m${r * SIDE + c}`;
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const neighbours = [r > 0 ? mid(r - 1, c) : '', c > 0 ? mid(r, c - 1) : ''].filter(Boolean).join(', ');
      d.municipalities.push({
        id: mid(r, c),
        name: `Муниципалитет ${r * SIDE + c + 1}`,
        kind: 'муниципальный округ',
        authority: 'МОУО',
        ...(neighbours ? { neighbours } : {}),
      });
    }
  }
  const municipality = () => `m${Math.floor(random() * SIDE * SIDE)}`;
  for (let i = 0; i < CURATORS; i++) d.people.push({ id: `c${i}`, lastName: `Куратор${i}`, firstName: 'Имя', role: 'куратор', curatorCap: 12 });
  for (let i = 0; i < LEADERS; i++) {
    d.schools.push({ id: `L${i}`, municipalityId: municipality(), name: `Школа-лидер ${i}` });
    d.schoolLists.push({ year, schoolId: `L${i}`, list: 'школа-лидер', cap: 5 });
  }
  for (let i = 0; i < SHNOR; i++) {
    const m = municipality();
    d.schools.push({ id: `s${i}`, municipalityId: m, name: `Школа ${i}` });
    d.schoolLists.push({ year, schoolId: `s${i}`, list: 'ШНОР' });
    if (random() < 0.7) {
      const leader = d.schools[Math.floor(random() * LEADERS)]!.id;
      d.distribution.push({ year: year - 1, schoolId: `s${i}`, curatorId: `c${Math.floor(random() * CURATORS)}`, leaderSchoolId: leader });
    }
  }
  return d;
}

export interface PlannerBench {
  markdown: string;
  lines: string[];
  ms: number;
}

export async function benchPlanner(): Promise<PlannerBench> {
  const dataset = benchDataset();
  const started = Date.now();
  const highs = await loadHighs();
  const loadMs = Date.now() - started;
  const t0 = Date.now();
  const plan = planDistribution(dataset, { year: 2025 }, highs);
  const ms = Date.now() - t0;
  const s = plan.summary;
  // The sample region in Node and in the page (needs dist/: npm run build:addin).
  const sample = await measureSamplePlan();
  const run = (name: string, r: typeof plan.runs.curators) =>
    r
      ? `| ${name} | ${r.variables} | ${r.constraints} | ${r.status} | ${r.gap === undefined ? '0 (доказан оптимум)' : `${(r.gap * 100).toFixed(1)} % к оценке LP`} | ${r.ms} |`
      : `| ${name} | — | — | — | — | — |`;
  const markdown = [
    '## Планировщик распределения (Node, HiGHS 1.15 WebAssembly)',
    '',
    `${SHNOR} ШНОР × ${CURATORS} кураторов (лимит 12) × ${LEADERS} школ-лидеров (лимит 5), ${SIDE * SIDE} муниципалитетов, пары прошлого года у 70 % школ.`,
    `Загрузка HiGHS: ${loadMs} мс. Планирование целиком: **${ms} мс** (цель ≤ ${TARGET_MS} мс: ${ms <= TARGET_MS ? 'PASS' : 'FAIL'}).`,
    '',
    '| задача | переменных | ограничений | состояние решателя | разрыв | мс |',
    '|---|---|---|---|---|---|',
    run('кураторы (по муниципалитетам)', plan.runs.curators),
    run('школы-лидеры (транспортная задача, LP)', plan.runs.leaders),
    '',
    `Итог: с куратором ${s.withCurator} из ${s.shnor}, со школой-лидером ${s.withLeader}; сохранено пар: кураторов ${s.keptCurators}, школ-лидеров ${s.keptLeaders}; ` +
      `муниципалитетов с несколькими кураторами ${s.sharedMunicipalities}; школа-лидер из другого муниципалитета: ${s.crossMunicipality}.`,
    '',
    ...samplePlanMarkdown(sample),
  ].join('\n');
  const lines = [
    `${ms <= TARGET_MS ? 'PASS' : 'FAIL'}  planner, ${SHNOR} ШНОР in Node: ${ms} ms (target ≤ ${TARGET_MS} ms)`,
    ...samplePlanLines(sample),
  ];
  return { markdown, lines, ms };
}

if (require.main === module) {
  benchPlanner().then(
    (b) => {
      for (const line of b.lines) console.log(line);
      console.log(b.markdown);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
