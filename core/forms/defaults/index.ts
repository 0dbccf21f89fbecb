import { FormDefinitionSchema, type FormDefinition } from '../definition';
import { F1_MONITORING_CARD } from './f1-monitoring-card';
import { F2_TECH_CARD } from './f2-tech-card';
import { F3_ROADMAP } from './f3-roadmap';
import { F7_DISTRIBUTION } from './f7-distribution';

/** The shipped definitions («методика 2024 года»), as the build script writes them to templates/forms. */
export const DEFAULT_DEFINITION_INPUTS = [F1_MONITORING_CARD, F2_TECH_CARD, F3_ROADMAP, F7_DISTRIBUTION] as const;

export function defaultDefinitions(): FormDefinition[] {
  return DEFAULT_DEFINITION_INPUTS.map((d) => FormDefinitionSchema.parse(d));
}
