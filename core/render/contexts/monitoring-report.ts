import type { Svod } from '../../forms/collect';
import type { FormDefinition } from '../../forms/definition';
import { compareNatural } from '../../format/natural-sort';
import { formatNumber, pluralWord, type PluralForms } from '../../format/numbers';
import type { KaskadDocument } from '../../model/schemas';
import { BLANK, documentBase } from './common';
import type { DatasetIndex } from './dataset-index';

const MUNICIPALITY_FORMS: PluralForms = { one: 'муниципалитет', few: 'муниципалитета', many: 'муниципалитетов' };

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The level cell's paragraph as raw WordprocessingML (`{@levelCell}`): shaded with the level's
 * colour from the definition, as svod.xlsx fills it. docxtemplater can put a value in a run but not
 * in a property, so the whole paragraph comes from here; its spacing and run properties are the
 * data table's in templates/documents/monitoring-report.docx (Times New Roman 12, no indents), and a test
 * compares them with the neighbouring cell of the rendered справка.
 */
export function levelCellXml(title: string, color?: string): string {
  const shading = color ? `<w:shd w:val="clear" w:color="auto" w:fill="${color.toUpperCase()}"/>` : '';
  const font =
    '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/>';
  return (
    `<w:p><w:pPr>${shading}<w:spacing w:after="0" w:before="0" w:line="240"/><w:ind w:left="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>` +
    `<w:r><w:rPr>${font}</w:rPr><w:t xml:space="preserve">${escapeXml(title)}</w:t></w:r></w:p>`
  );
}

/**
 * The monitoring справка: the svod as a table of municipalities with points, percent, level,
 * red flags and the level's recommendation (from the form definition's «Уровни»), a line per
 * level, and the municipalities whose card did not come.
 */
export function monitoringReportContext(index: DatasetIndex, doc: KaskadDocument, def: FormDefinition, svod: Svod) {
  const rows = [...svod.rows].sort((a, b) => compareNatural(a.municipality, b.municipality));
  const levels = def.scoring?.levels ?? [];
  const total = rows.length;
  const byLevel = [...levels]
    .sort((a, b) => b.min - a.min)
    .map((level) => {
      const n = rows.filter((r) => r.score.level?.id === level.id).length;
      const share = total ? Math.round((n / total) * 100) : 0;
      return { text: `${level.title} — ${formatNumber(n)}\u00a0${pluralWord(n, MUNICIPALITY_FORMS)} (${formatNumber(share)}\u00a0%)` };
    });
  const missing = svod.issues.filter((i) => i.code === 'COLLECT_MISSING').map((i) => (i.location.kind === 'record' ? i.location.record : ''));
  const base = documentBase(index, doc);
  return {
    ...base,
    // From the справка's «Документы» row; a blank line to fill in by hand where the row has none.
    date: base.date ?? BLANK,
    number: base.number ?? BLANK,
    form: { title: def.title, methodology: def.methodology ?? '' },
    cardCount: `${formatNumber(total)}\u00a0${pluralWord(total, MUNICIPALITY_FORMS)}`,
    levels: byLevel,
    rows: rows.map((r, i) => ({
      no: String(i + 1),
      municipality: r.municipality,
      points: `${formatNumber(r.score.total)} из ${formatNumber(r.score.max)}`,
      percent: r.score.percent === null ? '—' : `${formatNumber(r.score.percent)}\u00a0%`,
      level: r.score.level?.title ?? '—',
      levelCell: levelCellXml(r.score.level?.title ?? '—', r.score.level?.color),
      flags: r.score.flags.map((f) => f.message).join(' ') || '—',
      recommendation: r.score.level?.recommendation ?? '',
    })),
    missing: missing.join(', '),
    hasMissing: missing.length > 0,
  };
}
