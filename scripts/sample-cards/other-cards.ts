import { buildBlankForm } from '../../core/forms/blank-form';
import type { FormDefinition } from '../../core/forms/definition';
import type { Dataset } from '../../core/model/schemas';
import { fillCard, headerColumn, load, save } from './fill';
import type { SampleFile } from './f1-cards';

const LEVEL_KEYS = ['school', 'municipality', 'institute', 'ministry', 'resourceCentres', 'others'] as const;

/** F2: one technology card per school of the sample region that has entries; the last gets a tie in priorities. */
export async function buildF2Cards(def: FormDefinition, dataset: Dataset): Promise<SampleFile[]> {
  const schools = [...new Set(dataset.techCards.filter((t) => t.year === 2024).map((t) => t.schoolId))];
  const out: SampleFile[] = [];
  for (const [i, schoolId] of schools.entries()) {
    const school = dataset.schools.find((s) => s.id === schoolId);
    const muni = dataset.municipalities.find((m) => m.id === school?.municipalityId);
    if (!school || !muni) continue;
    const wb = await load(await buildBlankForm(def, { municipality: muni.name, year: 2024 }));
    fillCard(wb.getWorksheet('Школа')!, { '2': school.name, '4': 'Заместитель директора по УВР, 8 (351) 700-00-00' });
    const ws = wb.getWorksheet('Технологическая карта')!;
    const priority = headerColumn(ws, 'Приоритет (1–4)');
    const detail = headerColumn(ws, 'Уточнение');
    const firstLevel = priority + 1;
    const entries = dataset.techCards.filter((t) => t.schoolId === schoolId && t.year === 2024);
    for (const t of entries) {
      const row = 3 + t.problem;
      ws.getCell(row, priority).value = i === schools.length - 1 && t.priority === 2 ? 1 : t.priority;
      LEVEL_KEYS.forEach((k, j) => {
        if (t[k]) ws.getCell(row, firstLevel + j).value = t[k];
      });
      if (t.detail) ws.getCell(row, detail).value = t.detail;
    }
    out.push({ name: `F2-${schoolId}.xlsx`, bytes: await save(wb) });
  }
  return out;
}

/** F3: the sample region's roadmap with execution marks as of 01.12.2024. */
export async function buildF3Roadmap(def: FormDefinition, dataset: Dataset): Promise<SampleFile[]> {
  const wb = await load(await buildBlankForm(def, { year: 2024 }));
  fillCard(wb.getWorksheet('Сведения')!, { '1': 'Министерство образования и науки Челябинской области', '3': '01.12.2024' });
  const ws = wb.getWorksheet('Дорожная карта')!;
  const col = (h: string): number => headerColumn(ws, h);
  const items = dataset.roadmapItems.filter((r) => r.roadmapId === dataset.roadmapItems[0]?.roadmapId);
  items.forEach((item, i) => {
    const row = 4 + i;
    ws.getCell(row, col('№ п/п')).value = item.no;
    ws.getCell(row, col('Мероприятие')).value = item.title;
    ws.getCell(row, col('Сроки')).value = item.term ?? '';
    ws.getCell(row, col('Ответственные')).value = item.responsible ?? '';
    ws.getCell(row, col('Ожидаемый результат')).value = item.result ?? '';
    ws.getCell(row, col('Отметка о выполнении')).value = i % 5 === 3 ? 'не выполнено' : i % 7 === 6 ? 'в работе' : 'выполнено';
  });
  return [{ name: 'F3-дорожная-карта-2024.xlsx', bytes: await save(wb) }];
}

/** F7: the sample region's distribution of ШНОР for 2024. */
export async function buildF7Distribution(def: FormDefinition, dataset: Dataset): Promise<SampleFile[]> {
  const wb = await load(await buildBlankForm(def, { year: 2024 }));
  const ws = wb.getWorksheet('Распределение')!;
  const col = (h: string): number => headerColumn(ws, h);
  const person = (id: string): string => {
    const p = dataset.people.find((x) => x.id === id);
    return p ? `${p.lastName} ${p.firstName[0]}.${p.middleName ? `${p.middleName[0]}.` : ''}` : id;
  };
  dataset.distribution
    .filter((d) => d.year === 2024)
    .forEach((d, i) => {
      const school = dataset.schools.find((s) => s.id === d.schoolId);
      const row = 4 + i;
      ws.getCell(row, col('№ п/п')).value = String(i + 1);
      ws.getCell(row, col('Муниципалитет')).value = school?.municipalityId ?? '';
      ws.getCell(row, col('Школа (ШНОР)')).value = d.schoolId;
      ws.getCell(row, col('Куратор')).value = person(d.curatorId);
      ws.getCell(row, col('Школа-лидер')).value = d.leaderSchoolId ?? '';
    });
  return [{ name: 'F7-распределение-2024.xlsx', bytes: await save(wb) }];
}
