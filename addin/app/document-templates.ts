import { TEMPLATES, type TemplateInfo } from '../../core/render/template-list';

/** Templates the pane makes from the data workbook alone (the справка needs a svod of cards: the CLI's `collect`). */
export const PANE_TEMPLATES: readonly TemplateInfo[] = TEMPLATES.filter((t) => !t.fromSvod);

/** The template's file as the build publishes it beside the pane (dist/templates/). */
export async function fetchTemplate(template: TemplateInfo, base: string = templatesBase()): Promise<Uint8Array> {
  const response = await fetch(`${base}${encodeURIComponent(template.file)}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function templatesBase(): string {
  return new URL('templates/', document.baseURI).href;
}
