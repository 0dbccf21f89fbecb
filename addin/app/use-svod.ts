import { useCallback, useState } from 'react';
import type { Issue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import { findTemplate } from '../../core/render/template-list';
import { fetchTemplate } from './document-templates';
import { saveFile, XLSX_MIME } from './download';
import { loadEngine } from './load-engine';
import type { SvodSource } from './svod';

export interface SvodActions {
  /** The svod's own findings (and the справка's), once made. */
  issues?: Issue[];
  /** What the last action did, in Russian. */
  note: string;
  saveSvod(): Promise<void>;
  saveReport(): Promise<void>;
}

/**
 * The pane's «Свод» for one form: core's collectSvod over the checked files (with the data
 * workbook opened beside them), svod.xlsx and the справка downloaded — what `kaskad collect
 * --report` writes.
 */
export function useSvod(formId: string, files: readonly SvodSource[], data?: { name: string; dataset: Dataset }): SvodActions {
  const [issues, setIssues] = useState<Issue[]>();
  const [note, setNote] = useState('');

  const collect = useCallback(async () => {
    const engine = await loadEngine();
    const collected = engine.collectSvod(files, formId, data);
    if (collected) setIssues(collected.svod.issues);
    return { engine, collected };
  }, [files, formId, data]);

  const saveSvod = useCallback(async () => {
    const { engine, collected } = await collect();
    if (!collected) return;
    const bytes = await engine.svodWorkbookBytes(collected);
    const years = collected.versions.map((v) => v.version);
    saveFile(`Свод ${formId} (${years.join(', ')}).xlsx`, bytes, XLSX_MIME);
    const missing = collected.svod.issues.filter((i) => i.code === 'COLLECT_MISSING').length;
    const repeated = collected.svod.issues.filter((i) => i.code === 'COLLECT_DUPLICATE').length;
    const rows = collected.versions.reduce((n, v) => n + v.svod.rows.length, 0);
    const sheets = years.length > 1 ? ` на ${years.length} листах по версиям формы (${years.join(', ')})` : '';
    setNote(`Свод скачан: муниципалитетов в своде — ${rows}${sheets}${data ? `, без карты — ${missing}` : ''}, повторных карт — ${repeated}.`);
  }, [collect, formId, data]);

  const saveReport = useCallback(async () => {
    if (!data) return;
    const { collected } = await collect();
    const template = findTemplate('monitoring-report');
    if (!collected || !template) return;
    let templateBytes: Uint8Array;
    try {
      templateBytes = await fetchTemplate(template);
    } catch {
      setNote(`Не удалось загрузить шаблон справки (${template.file}) с сервера надстройки. Обновите страницу.`);
      return;
    }
    const { renderMonitoringReport } = await import(/* webpackChunkName: "documents" */ './documents');
    const report = renderMonitoringReport(data.dataset, collected, templateBytes);
    setIssues([...collected.svod.issues, ...report.issues]);
    if (!report.file) return setNote('Справка не сделана: см. замечания ниже.');
    saveFile(report.file.name, report.file.bytes, report.file.mime);
    setNote(`Справка «${report.file.name}» скачана.`);
  }, [collect, data]);

  return { issues, note, saveSvod, saveReport };
}
