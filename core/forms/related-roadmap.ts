/**
 * The roadmap an order or a roadmap document approves gets F3's checks (form «Дорожная карта по
 * организации работы со школами с низкими образовательными результатами»): every item with its
 * «№ п/п», «Мероприятие», «Сроки» (a date, a period, a month or «ежемесячно»…) and «Ответственные».
 * The columns checked are those the approved roadmap prints; «Отметка о выполнении» belongs to F3 as
 * an execution report (F3 wants it for every recurring item), not to the plan being approved, and is
 * left out.
 */
import type { Issue } from '../issues';
import type { Dataset, KaskadDocument } from '../model/schemas';
import type { FormDefinition } from './definition';
import { buildReferenceData } from './reference-data';
import { layCard, layRows, leadBack, number, text, type LaidRow, type RelatedOptions } from './related-layout';
import { validateForm } from './validate';

const DATA_SHEET = 'Дорожная карта';
/** F3's fields (2024) and the data's «Дорожная карта» columns the approved roadmap prints. */
const DATA_FIELDS = { no: 'no', title: 'title', term: 'term', responsible: 'responsible', result: 'result' } as const;

/** F3's findings on each roadmap (a «дорожная карта» attachment's source) the documents approve. */
export function roadmapFindings(def: FormDefinition, dataset: Dataset, documents: readonly KaskadDocument[], options: RelatedOptions): Issue[] {
  const items = def.layouts.find((l) => l.kind === 'table');
  const info = def.layouts.find((l) => l.kind === 'card');
  if (!items || !info) return [];
  const data = buildReferenceData(dataset);
  const organisations = new Map(dataset.organisations.map((o) => [o.id, o]));
  const checked = new Set<string>();
  const issues: Issue[] = [];
  for (const doc of documents) {
    for (const a of dataset.attachments) {
      if (a.documentId !== doc.id || a.kind !== 'дорожная карта' || !a.source || checked.has(a.source)) continue;
      checked.add(a.source);
      const rows: LaidRow[] = dataset.roadmapItems
        .filter((i) => i.roadmapId === a.source)
        .map((i) => ({
          record: i,
          label: `${i.roadmapId}, № ${i.no}`,
          values: {
            no: text(i.no),
            title: text(i.title),
            term: text(i.term),
            responsible: text(i.responsible),
            result: text(i.result),
          },
        }));
      if (rows.length === 0) continue; // an unknown roadmap is the template's missing value, said there
      // The card is Kaskad's own: the items are checked as of the document's date.
      const year = doc.year ?? (doc.date ? Number(doc.date.slice(0, 4)) : undefined);
      const card = layCard(def, info.id, {
        organisation: text(organisations.get(doc.organisationId)?.shortName ?? organisations.get(doc.organisationId)?.fullName),
        year: number(year),
        report_date: doc.date ? { kind: 'date', iso: doc.date } : undefined,
      });
      const laid = layRows(def, items.id, rows, DATA_FIELDS, DATA_SHEET);
      const result = validateForm(def, { sheets: [card, laid.snapshot] }, { file: options.file, data });
      issues.push(...leadBack(result.issues, laid, options));
    }
  }
  return issues;
}
