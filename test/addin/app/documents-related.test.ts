import { readFileSync } from 'node:fs';
import { formatIssue } from '../../../core/issues';
import { findTemplate } from '../../../core/render/template-catalog';
import { planDocuments } from '../../../addin/app/documents';
import { loadSampleDataset } from '../../helpers/sample-dataset';
import { templateFile } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

// The pane reads its form definitions from dist/forms at start; here, from templates/forms.
beforeAll(() => primePaneCatalogue());

const FORM = 'F7 — Распределение школ с низкими образовательными результатами между кураторами и школами-лидерами';

describe('the pane shows the distribution’s F7 findings before the order’s download', () => {
  const order = findTemplate('order')!;
  const bytes = new Uint8Array(readFileSync(templateFile('order')));

  it('the sample: no findings', () => {
    expect(planDocuments(loadSampleDataset(), order, bytes).issues).toEqual([]);
  });

  it('an over-cap curator: the finding (by year and school) and the note, the order still offered', () => {
    const dataset = loadSampleDataset();
    const moved = dataset.distribution.filter((e) => e.curatorId === 'cur01').slice(0, 2);
    for (const e of moved) e.curatorId = 'knutareva';
    const plan = planDocuments(dataset, order, bytes);
    const school = dataset.schools.find((s) => s.id === moved[1]!.schoolId)!;
    expect(plan.issues.map(formatIssue)).toEqual([
      `⚠ Лист «Распределение», запись «2024, ${school.shortName ?? school.name}»: «Куратор»: у «Кнутарева Надежда Павловна» 13, допускается не больше 12.`,
      `⚠ Шаблон «order»: данные не прошли проверки формы «${FORM}» — 1\u00a0замечание (перечислены выше). Исправьте книгу данных, прежде чем отдавать документы на подпись.`,
    ]);
    expect(plan.documents.filter((d) => d.bytes)).toHaveLength(1);
  });
});
