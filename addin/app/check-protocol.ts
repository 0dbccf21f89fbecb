import type { Catalogue } from '../../core/forms/catalogue';
import type { FormDefinition } from '../../core/forms/definition';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { Dataset } from '../../core/model/schemas';
import type { CheckedWorkbook } from '../../core/usecases/check-workbook-bytes';

/**
 * The messages between the page and its check worker (check.worker.ts). Only plain data crosses
 * postMessage: the data workbook goes as its lists, and the worker builds its own ReferenceData.
 */

/** What buildReferenceData needs of the data workbook. */
export type ReferenceLists = Pick<Dataset, 'municipalities' | 'schools' | 'schoolLists' | 'people'>;

export interface CheckRequest {
  id: number;
  /** The name the findings carry. */
  file: string;
  /** A workbook to read and check, or a snapshot read before, to check again. */
  workbook: { bytes: Uint8Array } | { snapshot: WorkbookSnapshot };
  /** Sent when they changed since the last request; the worker keeps them. */
  definitions?: readonly FormDefinition[];
  /** Sent when it changed: the data workbook's lists, or null for checks without one. */
  reference?: ReferenceLists | null;
}

/** A snapshot check answers without the snapshot: the page has it. */
export type CheckReply = { id: number; ok: true; checked: CheckedWorkbook } | { id: number; ok: false; error: string };

/**
 * Sent once by the worker on its own, right after it starts: the form catalogue (forms/ beside the
 * page) compiled there, off the main thread, which the page then uses as its own; undefined when
 * the worker could not compile it (the page then compiles it itself).
 */
export interface CatalogueMessage {
  catalogue: Catalogue | undefined;
}

/** Everything the worker posts. */
export type WorkerMessage = CheckReply | CatalogueMessage;

export const isCatalogueMessage = (message: WorkerMessage): message is CatalogueMessage => 'catalogue' in message;
