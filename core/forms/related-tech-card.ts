/**
 * A school's technology card of targeted support gets F2's checks (form «Технологическая карта
 * адресной помощи школе с низкими результатами обучения»): priorities 1, 2, … N without repeats or
 * gaps and at most four, a measure of the school for each chosen problem and one beyond the school,
 * the «Уточнение» of «Иное». The matrix is laid out from the data's «Технологические карты» rows.
 */
import type { Issue } from '../issues';
import type { Dataset, KaskadDocument } from '../model/schemas';
import type { FormDefinition } from './definition';
import { buildReferenceData } from './reference-data';
import { layCard, layRows, leadBack, number, text, type LaidRow, type RelatedOptions } from './related-layout';
import { validateForm } from './validate';

const DATA_SHEET = 'Технологические карты';
/** F2's fields (2024) and the data's «Технологические карты» columns they show; `#key` — the problem's №. */
const DATA_FIELDS = {
  '#key': 'problem',
  problem_no: 'problem',
  priority: 'priority',
  lvl_school: 'school',
  lvl_municipality: 'municipality',
  lvl_institute: 'institute',
  lvl_ministry: 'ministry',
  lvl_resource: 'resourceCentres',
  lvl_other: 'others',
  detail: 'detail',
} as const;

/** F2's findings on the technology card of each school the documents are made for (`select`: those schools only). */
export function techCardFindings(
  def: FormDefinition,
  dataset: Dataset,
  documents: readonly KaskadDocument[],
  options: RelatedOptions & { select?: readonly string[] },
): Issue[] {
  const matrix = def.layouts.find((l) => l.kind === 'matrix');
  const info = def.layouts.find((l) => l.kind === 'card');
  if (!matrix || matrix.kind !== 'matrix' || !info) return [];
  const problems = def.lists.find((l) => l.id === matrix.rows)?.options ?? [];
  const data = buildReferenceData(dataset);
  const wanted = options.select ? new Set(options.select) : undefined;
  const years = [...new Set(documents.map((d) => d.year).filter((y): y is number => y !== undefined))];
  const issues: Issue[] = [];
  for (const year of years) {
    const cards = dataset.techCards.filter((t) => t.year === year && (!wanted || wanted.has(t.schoolId)));
    for (const schoolId of [...new Set(cards.map((t) => t.schoolId))]) {
      const school = dataset.schools.find((s) => s.id === schoolId);
      const name = data.schoolName(schoolId) ?? schoolId;
      const rows: LaidRow[] = problems.map((p) => {
        const e = cards.find((t) => t.schoolId === schoolId && String(t.problem) === p.value);
        return {
          record: e,
          label: `${year}, ${name}, проблема ${p.value}`,
          key: p.value,
          keyLabel: p.label ?? p.value,
          values: e
            ? {
                problem_no: text(p.value),
                priority: number(e.priority),
                lvl_school: text(e.school),
                lvl_municipality: text(e.municipality),
                lvl_institute: text(e.institute),
                lvl_ministry: text(e.ministry),
                lvl_resource: text(e.resourceCentres),
                lvl_other: text(e.others),
                detail: text(e.detail),
              }
            : { problem_no: text(p.value) },
        };
      });
      // The card is Kaskad's own: the school, its municipality and the year.
      const card = layCard(def, info.id, {
        municipality: text(school?.municipalityId),
        school: text(schoolId),
        year: number(year),
      });
      const laid = layRows(def, matrix.id, rows, DATA_FIELDS, DATA_SHEET);
      const result = validateForm(def, { sheets: [card, laid.snapshot] }, { file: options.file, data });
      issues.push(...leadBack(result.issues, laid, options));
    }
  }
  return issues;
}
