import { useCallback, useRef, useState } from 'react';
import { formatW3cdtf } from '../../core/format/dates';
import type { Issue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import type { TemplateInfo } from '../../core/render/template-catalog';
import { fetchTemplate } from './document-templates';
import type { DocumentPlan } from './documents';

export type PlanState =
  | { status: 'idle' }
  | { status: 'working'; template: TemplateInfo }
  | { status: 'ready'; plan: DocumentPlan }
  | { status: 'failed'; template: TemplateInfo; message: string };

const templateCache = new Map<string, Promise<Uint8Array>>();

/** The template's bytes, fetched once per page (a failed fetch is asked again next time). */
function templateBytes(template: TemplateInfo): Promise<Uint8Array> {
  let pending = templateCache.get(template.file);
  if (!pending) {
    pending = fetchTemplate(template);
    templateCache.set(template.file, pending);
    pending.catch(() => templateCache.delete(template.file));
  }
  return pending;
}

/** Renders a template's documents from the dataset in the page; the rendering library is loaded on first use. */
export function useDocumentPlan(): {
  state: PlanState;
  plan(template: TemplateInfo, dataset: Dataset, dataIssues?: readonly Issue[]): Promise<void>;
} {
  const [state, setState] = useState<PlanState>({ status: 'idle' });
  // Only the latest request may show: a slow template fetched for an earlier choice must not
  // replace the one the user picked after it.
  const latest = useRef(0);
  const plan = useCallback(async (template: TemplateInfo, dataset: Dataset, dataIssues: readonly Issue[] = []) => {
    const request = ++latest.current;
    const current = () => request === latest.current;
    setState({ status: 'working', template });
    let bytes: Uint8Array;
    try {
      bytes = await templateBytes(template);
    } catch {
      if (current())
        setState({
          status: 'failed',
          template,
          message: `Не удалось загрузить шаблон «${template.title}» (${template.file}) с сервера надстройки. Обновите страницу; если не поможет — сообщите администратору.`,
        });
      return;
    }
    const { planDocuments: planInPage } = await import(/* webpackChunkName: "documents" */ './documents');
    if (!current()) return;
    // The clock is read here, at the door: the documents' created/modified say when they were made.
    setState({ status: 'ready', plan: planInPage(dataset, template, bytes, formatW3cdtf(new Date()), dataIssues) });
  }, []);
  return { state, plan };
}
