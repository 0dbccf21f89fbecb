import { makeIssue, type Issue } from '../issues';

/** docxtemplater's error ids said in Russian, each with the tag it concerns. */
function explain(id: string, tag: string): string {
  switch (id) {
    case 'unclosed_tag':
      return `тег «{${tag}» не закрыт: нет «}»`;
    case 'unopened_tag':
      return `у «${tag}}» нет открывающей «{»`;
    case 'duplicate_open_tag':
      return `двойная «{» в теге «${tag}»`;
    case 'duplicate_close_tag':
      return `двойная «}» после «${tag}»`;
    case 'unclosed_loop':
      return `раздел {#${tag}} не закрыт: нет {/${tag}}`;
    case 'unopened_loop':
      return `закрытие {/${tag}} без открытия {#${tag}}`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return `тег {@${tag}} должен стоять в абзаце один`;
    case 'raw_tag_outerxml_invalid':
      return `тег {@${tag}} стоит вне абзаца`;
    case 'malformed_xml':
      return 'XML документа повреждён';
    default:
      return `ошибка «${id}» у тега «${tag}»`;
  }
}

interface DocxtemplaterErrorLike {
  properties?: {
    id?: string;
    xtag?: string;
    file?: string;
    errors?: DocxtemplaterErrorLike[];
    explanation?: string;
    openingtag?: string;
    closingtag?: string;
  };
  message?: string;
}

/** docxtemplater quotes only the first characters of a bad tag («{{repl»); the part's XML has it whole. */
function untruncated(quoted: string, xml: string | undefined): string {
  if (!xml || !quoted.startsWith('{')) return quoted;
  const at = xml.indexOf(quoted);
  if (at < 0) return quoted;
  return /^\{+[^{}<]*/.exec(xml.slice(at, at + 300))?.[0] ?? quoted;
}

/** Every error docxtemplater found in a template, as issues naming the template and the tag. */
export function templateIssues(error: unknown, template: string, parts?: ReadonlyMap<string, string>): Issue[] {
  const e = error as DocxtemplaterErrorLike;
  const list = e.properties?.errors?.length ? e.properties.errors : [e];
  return list.map((item) => {
    const id = item.properties?.id ?? 'unknown';
    const p = item.properties ?? {};
    // xtag carries the text around the tag («{{repl», «№ replyToNumber»); a mismatched loop has none.
    const raw = untruncated(p.xtag ?? p.openingtag ?? '', p.file ? parts?.get(p.file) : undefined);
    const tag = raw.replace(/[{}]/g, ' ').trim().split(/\s+/).pop() ?? '';
    const part = item.properties?.file;
    const detail =
      id === 'closing_tag_does_not_match_opening_tag'
        ? `раздел {#${p.openingtag ?? ''}} закрыт тегом {/${p.closingtag ?? ''}}`
        : id === 'unbalanced_loop_tags'
          ? 'разделы {#…} и {/…} не парные'
          : explain(id, tag);
    return makeIssue('TEMPLATE_SYNTAX', { kind: 'template', template, tag: tag || undefined, part }, { detail });
  });
}
