import { makeIssue, type Issue, type IssueLocation } from '../issues';
import { describeZodIssue } from '../model/zod-messages';
import { checkDefinition, type DefinitionLocator } from './check-definition';
import { FormDefinitionSchema, type FormDefinition } from './definition';

export type ParsedDefinition = { ok: true; definition: FormDefinition } | { ok: false; issues: Issue[] };

/**
 * Checks a definition given as plain data (JSON, or what the spreadsheet compiler built): the
 * zod shape first, then names and expressions. `locate` maps «fields.3» to where it was written.
 */
export function parseDefinition(input: unknown, locate: DefinitionLocator): ParsedDefinition {
  const parsed = FormDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((zi) => {
      const path = zi.path.map(String);
      const field = path.length > 2 ? ` «${path.slice(2).join('.')}»` : path.length === 1 ? ` «${path[0]}»` : '';
      return makeIssue('FORM_DEF_INVALID', locate(path.slice(0, 2).join('.')), { detail: `${field.trim()} ${describeZodIssue(zi)}`.trim() });
    });
    return { ok: false, issues };
  }
  const issues = checkDefinition(parsed.data, locate);
  return issues.some((i) => i.severity === 'error') ? { ok: false, issues } : { ok: true, definition: parsed.data };
}

/** A JSON definition file: locations name the JSON path. */
export function parseDefinitionJson(text: string, file: string): ParsedDefinition {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [makeIssue('JSON_INVALID', { kind: 'file', file }, { detail: error instanceof Error ? error.message : String(error) })],
    };
  }
  return parseDefinition(data, (path): IssueLocation => ({ kind: 'record', file, record: path || 'форма' }));
}
