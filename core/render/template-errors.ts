import { makeIssue, type Issue } from '../issues';

/** docxtemplater's error ids said in Russian, each with the tag it concerns. */
function explain(id: string, tag: string): string {
  switch (id) {
    case 'unclosed_tag': return `тег «{${tag}» не закрыт: нет «}»`;
    case 'unopened_tag': return `у «${tag}}» нет открывающей «{»`;
    case 'duplicate_open_tag': return `двойная «{» в теге «${tag}»`;
    case 'duplicate_close_tag': return `двойная «}» после «${tag}»`;
    case 'unclosed_loop': return `раздел {#${tag}} не закрыт: нет {/${tag}}`;
    case 'unopened_loop': return `закрытие {/${tag}} без открытия {#${tag}}`;
    case 'closing_tag_does_not_match_opening_tag': return `раздел закрыт не тем тегом: {/${tag}}`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph': return `тег {@${tag}} должен стоять в абзаце один`;
    case 'raw_tag_outerxml_invalid': return `тег {@${tag}} стоит вне абзаца`;
    case 'malformed_xml': return 'XML документа повреждён';
    default: return `ошибка «${id}» у тега «${tag}»`;
  }
}

interface DocxtemplaterErrorLike {
  properties?: { id?: string; xtag?: string; file?: string; errors?: DocxtemplaterErrorLike[]; explanation?: string };
  message?: string;
}

/** Every error docxtemplater found in a template, as issues naming the template and the tag. */
export function templateIssues(error: unknown, template: string): Issue[] {
  const e = error as DocxtemplaterErrorLike;
  const list = e.properties?.errors?.length ? e.properties.errors : [e];
  return list.map((item) => {
    const id = item.properties?.id ?? 'unknown';
    const tag = (item.properties?.xtag ?? '').trim();
    const part = item.properties?.file;
    return makeIssue('TEMPLATE_SYNTAX', { kind: 'template', template, tag: tag || undefined, part }, { detail: explain(id, tag) });
  });
}
