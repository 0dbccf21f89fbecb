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

describe('the pane shows F3’s and F2’s findings before the roadmap’s and the cards’ download', () => {
  const roadmap = findTemplate('roadmap')!;
  const techCard = findTemplate('tech-card')!;
  const F3 = 'F3 — Дорожная карта по организации работы со школами с низкими образовательными результатами';
  const F2 = 'F2 — Технологическая карта адресной помощи школе с низкими результатами обучения';

  it('the sample: no findings for either', () => {
    expect(planDocuments(loadSampleDataset(), roadmap, new Uint8Array(readFileSync(templateFile('roadmap')))).issues).toEqual([]);
    expect(planDocuments(loadSampleDataset(), techCard, new Uint8Array(readFileSync(templateFile('tech-card')))).issues).toEqual([]);
  });

  it('a roadmap item without «Ответственные»: the finding by roadmap and item, the roadmap still offered', () => {
    const dataset = loadSampleDataset();
    dataset.roadmapItems.find((i) => i.no === '4')!.responsible = undefined;
    const plan = planDocuments(dataset, roadmap, new Uint8Array(readFileSync(templateFile('roadmap'))));
    expect(plan.issues.map(formatIssue)).toEqual([
      '⚠ Лист «Дорожная карта», запись «rm2024, № 4»: не заполнено «Ответственные».',
      `⚠ Шаблон «roadmap»: данные не прошли проверки формы «${F3}» — 1\u00a0замечание (перечислены выше). Исправьте книгу данных, прежде чем отдавать документы на подпись.`,
    ]);
    expect(plan.documents.filter((d) => d.bytes)).toHaveLength(1);
  });

  it('a chosen problem with no measure of the school: the finding by year, school and problem', () => {
    const dataset = loadSampleDataset();
    const entry = dataset.techCards.find((t) => t.schoolId === 'sch087' && t.problem === 1)!;
    entry.school = undefined;
    const school = dataset.schools.find((s) => s.id === 'sch087')!;
    const plan = planDocuments(dataset, techCard, new Uint8Array(readFileSync(templateFile('tech-card'))));
    expect(plan.issues.map(formatIssue)).toEqual([
      `⚠ Лист «Технологические карты», запись «2024, ${school.shortName ?? school.name}, проблема 1»: не заполнено «На уровне ОО».`,
      `⚠ Шаблон «tech-card»: данные не прошли проверки формы «${F2}» — 1\u00a0замечание (перечислены выше). Исправьте книгу данных, прежде чем отдавать документы на подпись.`,
    ]);
    expect(plan.documents.filter((d) => d.bytes).length).toBeGreaterThan(1);
  });
});
