import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetSchema } from '../../core/model/schemas';
import { readDataWorkbook } from '../../core/workbook/read-data-workbook';
import { writeDataWorkbook } from '../../core/workbook/write-data-workbook';
import { sampleDataset } from '../../scripts/sample-data';
import { checkSample } from '../../scripts/sample-data/check-sample';

const dataset = sampleDataset();

const URBAN = [
  'Верхнеуфалейский',
  'Златоустовский',
  'Карабашский',
  'Копейский',
  'Кыштымский',
  'Локомотивный',
  'Магнитогорский',
  'Миасский',
  'Озерский',
  'Снежинский',
  'Трехгорный',
  'Троицкий',
  'Усть-Катавский',
  'Чебаркульский',
  'Челябинский',
  'Южноуральский',
];
const DISTRICTS = [
  'Агаповский',
  'Аргаяшский',
  'Ашинский',
  'Брединский',
  'Варненский',
  'Верхнеуральский',
  'Еманжелинский',
  'Еткульский',
  'Карталинский',
  'Каслинский',
  'Катав-Ивановский',
  'Кизильский',
  'Коркинский',
  'Красноармейский',
  'Кунашакский',
  'Кусинский',
  'Нагайбакский',
  'Нязепетровский',
  'Октябрьский',
  'Пластовский',
  'Саткинский',
  'Сосновский',
  'Троицкий',
  'Увельский',
  'Уйский',
  'Чебаркульский',
  'Чесменский',
];

function onList(year: number, list: string): Set<string> {
  return new Set(dataset.schoolLists.filter((e) => e.year === year && e.list === list).map((e) => e.schoolId));
}

describe('the sample region', () => {
  it('passes the schema and every rule of checkSample', () => {
    expect(DatasetSchema.safeParse(dataset).success).toBe(true);
    expect(checkSample(dataset)).toEqual([]);
  });

  it("has Chelyabinsk oblast's 43 municipalities under unique codes", () => {
    const ms = dataset.municipalities;
    expect(ms).toHaveLength(43);
    expect(new Set(ms.map((m) => m.id)).size).toBe(43);
    const urban = ms.filter((m) => m.kind === 'городской округ');
    expect(urban.map((m) => m.name.split(' ')[0])).toEqual(URBAN);
    expect(urban.filter((m) => m.name.endsWith('(ЗАТО)')).map((m) => m.name.split(' ')[0])).toEqual([
      'Локомотивный',
      'Озерский',
      'Снежинский',
      'Трехгорный',
    ]);
    expect(ms.filter((m) => m.kind !== 'городской округ').map((m) => m.name.split(' ')[0])).toEqual(DISTRICTS);
    for (const m of ms.filter((x) => x.kind === 'муниципальный округ')) {
      expect(m.kindSince).toBeGreaterThanOrEqual(2022);
      expect(m.formerName).toBe(m.name.replace('муниципальный округ', 'муниципальный район'));
    }
    expect(ms.filter((m) => m.name.startsWith('Троицкий ')).map((m) => m.kind)).toEqual(['городской округ', 'муниципальный район']);
    for (const m of ms) expect(dataset.people.some((p) => p.id === m.headId)).toBe(true);
  });

  it('lists 218 ШНОР in 2023 and at least 215 in 2024, with leader schools never ШНОР', () => {
    expect(onList(2023, 'ШНОР').size).toBe(218);
    expect(onList(2024, 'ШНОР').size).toBeGreaterThanOrEqual(215);
    for (const year of [2023, 2024]) {
      const leaders = onList(year, 'школа-лидер');
      expect(leaders.size).toBeGreaterThanOrEqual(25);
      for (const id of leaders) expect(onList(year, 'ШНОР').has(id)).toBe(false);
    }
    expect(dataset.schools.length).toBeGreaterThanOrEqual(245);
  });

  it('distributes every 2024 ШНОР exactly once, within curator load, to a leader of its own municipality', () => {
    const rows = dataset.distribution.filter((d) => d.year === 2024);
    const shnor = onList(2024, 'ШНОР');
    expect(rows.map((r) => r.schoolId).sort()).toEqual([...shnor].sort());
    const load = new Map<string, number>();
    for (const r of rows) load.set(r.curatorId, (load.get(r.curatorId) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(15);
    const municipalityOf = new Map(dataset.schools.map((s) => [s.id, s.municipalityId]));
    for (const r of rows.filter((x) => x.leaderSchoolId)) {
      expect(municipalityOf.get(r.leaderSchoolId!)).toBe(municipalityOf.get(r.schoolId));
      expect(shnor.has(r.leaderSchoolId!)).toBe(false);
    }
  });

  it("keeps the five reports of the 2022 seminar with the seed's speakers", () => {
    const reports = dataset.reports.filter((r) => r.eventId === 'sem2022');
    const speaker = (id: string) => dataset.people.find((p) => p.id === id)!.lastName;
    expect(reports.map((r) => [r.no, speaker(r.speakerId)])).toEqual([
      [1, 'Ильясов'],
      [2, 'Севрюкова'],
      [3, 'Донской'],
      [3, 'Сахно'],
      [4, 'Борченко'],
      [5, 'Задорин'],
    ]);
    expect(reports[0]!.positionGenitive).toBe(
      'заведующего кафедрой педагогики и психологии ГБУ ДПО ЧИППКРО, доктора педагогических наук, профессора',
    );
    expect(reports[2]!.topicLead).toBe('на тему:');
    for (const r of reports) expect(r.topic ?? '').not.toMatch(/^«|»$/);
  });

  it("prints the ministry's бланк with seed 000's requisites", () => {
    expect(dataset.organisations[0]).toMatchObject({
      id: 'minobr74',
      fullName: 'МИНИСТЕРСТВО\nОБРАЗОВАНИЯ И НАУКИ\nЧЕЛЯБИНСКОЙ ОБЛАСТИ',
      phone: '(351) 263-67-62',
      fax: '(351) 263-87-05',
      okpo: '00097442',
      ogrn: '1047423522277',
      innKpp: '7451208572/745101001',
    });
  });

  it("gives each document its paragraphs, the seminar letter's split around the reports", () => {
    const of = (id: string) => dataset.paragraphs.filter((p) => p.documentId === id);
    expect(of('d5112')).toHaveLength(6);
    expect(of('d13170').map((p) => p.place)).toEqual(['до вставки', 'до вставки', ...Array(6).fill('после вставки')]);
    expect(of('d13170').filter((p) => p.style === 'список')).toHaveLength(3);
    expect(of('o04-335')[1]).toMatchObject({ text: 'ПРИКАЗЫВАЮ:', style: 'без отступа' });
    expect(dataset.schedule.filter((s) => s.eventId === 'web2020')).toHaveLength(12);
    expect(dataset.roadmapItems.filter((r) => r.roadmapId === 'rm2024')).toHaveLength(15);
  });

  it('matches the committed sample-region.json', () => {
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'templates', 'data', 'sample-region.json'), 'utf8'));
    expect(committed).toEqual(dataset);
  });

  it('comes back whole from its workbook', async () => {
    const back = await readDataWorkbook(await writeDataWorkbook(dataset), 'sample-region.xlsx');
    expect(back.issues).toEqual([]);
    expect(back.dataset).toEqual(dataset);
  });
});
