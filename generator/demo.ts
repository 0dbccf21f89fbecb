import * as path from 'node:path';
import { TEMPLATES } from '../core/render/template-catalog';
import { collectFiles, type CollectResult } from './forms/collect-files';
import { validateFiles, type FileOutcome } from './forms/validate-files';
import { listWorkbooks } from './forms/io-files';
import { loadReferenceData } from './forms/load-data';
import { loadDefinitions } from './forms/load-definitions';
import { generate, type GenerateResult } from './generate';
import { runPlan, type PlanRun } from './plan';
import { writeMonitoringReport } from './monitoring-report';
import type { Issue } from '../core/issues';
import { templatesDir } from './templates-dir';

/** Folder names inside out/demo, one per template. */
const FOLDERS: Record<string, string> = {
  letter: 'письма',
  'letter-schedule': 'письмо с графиком (Республика Алтай)',
  'seminar-letter': 'письма',
  order: 'приказ',
  roadmap: 'дорожная карта',
  mailing: 'рассылка МОУО',
  'tech-card': 'технологические карты',
};

export interface DemoStep {
  title: string;
  result: GenerateResult;
}

export interface DemoResult {
  outDir: string;
  steps: DemoStep[];
  svod?: CollectResult;
  report?: { written?: string; issues: Issue[] };
  /** The sample technology cards, roadmap and distribution, checked and scored. */
  forms: FileOutcome[];
  /** The distribution of 2025 planned from the sample data: F7 and the order. */
  plan?: PlanRun;
  exitCode: 0 | 1 | 2;
}

/**
 * The main job on the bundled sample region: every template's documents, then the monitoring
 * cards checked and consolidated into svod.xlsx. The demo folder is the demo's own: it is rewritten.
 */
export async function runDemo(outDir: string, onProgress?: (done: number, total: number) => void): Promise<DemoResult> {
  const templates = templatesDir();
  const data = path.join(templates, 'data', 'sample-region.xlsx');
  const steps: DemoStep[] = [];
  for (const t of TEMPLATES.filter((template) => !template.fromSvod)) {
    const result = await generate({ template: t.id, data, outDir: path.join(outDir, FOLDERS[t.id] ?? t.id), force: true, onProgress });
    steps.push({ title: t.title, result });
  }
  const definitions = await loadDefinitions();
  const reference = await loadReferenceData(data);
  const cards = await listWorkbooks([path.join(templates, 'forms', 'samples', 'F1')]);
  const svod =
    definitions.issues.length === 0
      ? await collectFiles(cards.files, {
          definitions: definitions.definitions,
          data: reference.data,
          out: path.join(outDir, 'svod.xlsx'),
          force: true,
        })
      : undefined;
  const otherCards = await listWorkbooks(
    ['F2', 'F3-дорожная-карта-2024.xlsx', 'F7-распределение-2024.xlsx'].map((f) => path.join(templates, 'forms', 'samples', f)),
  );
  const forms =
    definitions.issues.length === 0 ? await validateFiles(otherCards.files, { definitions: definitions.definitions, data: reference.data }) : [];
  const report =
    svod?.svod && svod.definition && reference.dataset
      ? await writeMonitoringReport({
          svod: svod.svod,
          definition: svod.definition,
          dataset: reference.dataset,
          out: path.join(outDir, 'справка по мониторингу.docx'),
          force: true,
        })
      : undefined;
  const plan = await runPlan({ data, year: 2025, out: path.join(outDir, 'распределение 2025.xlsx'), force: true });
  const worst = Math.max(plan.exitCode, ...steps.map((s) => s.result.exitCode), svod?.written && report?.written ? 0 : 2);
  // The sample cards carry deliberate errors: findings there are the point of the demo, not a failure.
  return { outDir, steps, svod, forms, report, plan, exitCode: worst as 0 | 1 | 2 };
}
