/**
 * The technology card's column «На уровне …» names the region's institute from the organisation's
 * profile («Институт (род. п.)» on «Организации»), never one region's wording.
 */
import { readFileSync } from 'node:fs';
import { formatIssue } from '../../../core/issues';
import { findTemplate } from '../../../core/render/template-catalog';
import type { Dataset } from '../../../core/model/schemas';
import { planBatch, renderBatch, type BatchOptions } from '../../../core/usecases/plan-documents';
import { readDataWorkbook } from '../../../core/workbook/read-data-workbook';
import { docxParagraphs, fold } from '../../helpers/docx-paragraphs';
import { loadSampleDataset } from '../../helpers/sample-dataset';
import { loadSampleWorkbook, rowsWhere, sheetOf, templateFile } from '../../helpers/sample-workbook';

const TECH_CARD = findTemplate('tech-card')!;
const HEADER = 'Институт (род. п.)';

function techCards(dataset: Dataset, source?: BatchOptions['source']) {
  const plan = planBatch(TECH_CARD, readFileSync(templateFile('tech-card')), dataset, { source });
  return { plan, rendered: renderBatch(plan) };
}

function columnHeaders(bytes: Uint8Array): string[] {
  return docxParagraphs(bytes)
    .map(fold)
    .filter((p) => p.startsWith('На уровне'));
}

async function sampleRead(edit: (ws: import('exceljs').Worksheet) => void) {
  const workbook = await loadSampleWorkbook();
  edit(sheetOf(workbook, 'Организации'));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return readDataWorkbook(bytes, 'данные.xlsx');
}

describe('технологическая карта: столбец института из профиля организации', () => {
  test('другой регион — другое наименование института в заголовке столбца, без замечаний', () => {
    const dataset = loadSampleDataset();
    const org = dataset.organisations.find((o) => o.id === 'minobr74')!;
    org.instituteGenitive = 'института развития образования Республики Алтай';
    const { plan, rendered } = techCards(dataset);
    expect(plan.issues.filter((i) => i.code === 'INSTITUTE_NAME_MISSING')).toEqual([]);
    expect(rendered.documents.length).toBe(6);
    for (const doc of rendered.documents) {
      expect(columnHeaders(doc.bytes!)).toEqual([
        'На уровне ОО',
        'На уровне управления образованием в муниципалитете',
        'На уровне института развития образования Республики Алтай',
        'На уровне министерства образования',
        'На уровне ресурсных центров',
      ]);
    }
  });

  test('ячейка пуста — карты сделаны с «На уровне института», предупреждение называет лист и ячейку', async () => {
    let address = '';
    const loaded = await sampleRead((ws) => {
      let col = 0;
      ws.getRow(1).eachCell((cell, c) => {
        if (cell.value === HEADER) col = c;
      });
      const row = rowsWhere(ws, 'Код', 'minobr74')[0]!;
      ws.getRow(row).getCell(col).value = null;
      address = `${ws.getRow(row).getCell(col).address}`;
    });
    expect(address).toBe('O2');
    const { plan, rendered } = techCards(loaded.dataset, { file: 'данные.xlsx', cells: loaded.cells });
    const found = plan.issues.filter((i) => i.code === 'INSTITUTE_NAME_MISSING');
    expect(found.map((i) => [i.severity, i.location])).toEqual([
      ['warning', { kind: 'cell', file: 'данные.xlsx', sheet: 'Организации', address: 'O2' }],
    ]);
    expect(formatIssue(found[0]!)).toBe(
      '⚠ Файл «данные.xlsx», лист «Организации», ячейка O2: у организации «minobr74» не заполнено «Институт (род. п.)»: в технологической карте столбец назван «На уровне института». Впишите наименование института в родительном падеже, например «института развития образования» (нет столбца — добавьте его на лист «Организации»).',
    );
    expect(rendered.documents.every((d) => d.bytes)).toBe(true);
    expect(columnHeaders(rendered.documents[0]!.bytes!)).toContain('На уровне института');
    expect(columnHeaders(rendered.documents[0]!.bytes!)).not.toContain('На уровне института развития образования');
  });

  test('книга прежнего образца без столбца — предупреждение называет лист', async () => {
    const loaded = await sampleRead((ws) => ws.spliceColumns(15, 1));
    const { plan } = techCards(loaded.dataset, { file: 'данные.xlsx', cells: loaded.cells });
    const found = plan.issues.filter((i) => i.code === 'INSTITUTE_NAME_MISSING');
    expect(found.map((i) => i.location)).toEqual([{ kind: 'sheet', file: 'данные.xlsx', sheet: 'Организации' }]);
  });

  test('шаблон без столбца института (письма) — замечания нет', async () => {
    const loaded = await sampleRead((ws) => ws.spliceColumns(15, 1));
    const letter = findTemplate('letter')!;
    const plan = planBatch(letter, readFileSync(templateFile('letter')), loaded.dataset, { source: { file: 'данные.xlsx', cells: loaded.cells } });
    expect(plan.issues.filter((i) => i.code === 'INSTITUTE_NAME_MISSING')).toEqual([]);
  });
});
