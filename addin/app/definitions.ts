import type { FormDefinition } from '../../core/forms/definition';
import { defaultDefinitions } from '../../core/forms/defaults';

let cached: FormDefinition[] | undefined;

/** The shipped form definitions, parsed once per page. */
export function formDefinitions(): readonly FormDefinition[] {
  cached ??= defaultDefinitions();
  return cached;
}

export function definitionById(id: string): FormDefinition | undefined {
  return formDefinitions().find((d) => d.id === id);
}
