import { describeLocation, messageFor, type MessageCode, type MessageParams } from './messages';

/** Where a problem is: a cell, a template tag, a record of the data, a whole file, or a command-line option and its value. */
export type IssueLocation =
  | { kind: 'cell'; file?: string; sheet: string; address: string }
  | { kind: 'sheet'; file?: string; sheet: string }
  | { kind: 'template'; template: string; tag?: string; part?: string }
  | { kind: 'record'; file?: string; sheet?: string; record: string; field?: string; tag?: string; template?: string }
  | { kind: 'file'; file: string }
  /** `kaskad blank F1 --version 2023`: «Параметр --version 2023». */
  | { kind: 'option'; option: string; value?: string };

export type Severity = 'error' | 'warning';

/** One problem: a stable code (API), a structured location and a Russian message (wording may change). */
export interface Issue {
  code: MessageCode;
  severity: Severity;
  location: IssueLocation;
  message: string;
}

export function makeIssue<C extends MessageCode>(code: C, location: IssueLocation, params: MessageParams<C>, severity: Severity = 'error'): Issue {
  return { code, severity, location, message: messageFor(code, params) };
}

/** «Лист «Школы», ячейка C5: …» — the one way a finding is shown as a line of text. */
export function formatIssue(issue: Issue): string {
  const where = describeLocation(issue.location);
  const mark = issue.severity === 'error' ? '✖' : '⚠';
  return `${mark} ${where ? `${where}: ` : ''}${issue.message}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Record of what went wrong with one item of a batch; the batch goes on. */
export interface Collected<T> {
  value: T;
  issues: Issue[];
}
