import type { ClientRequestContext, RequestContext } from './office-types';

/**
 * The two Excel.run overloads the gateway calls, as @types/office-js declares them (a compile-time
 * test in test/addin/typings checks that the official Excel.run fits): the second takes the
 * OfficeExtension.ClientRequestContext an event handler's result keeps, not a full RequestContext.
 */
export interface ExcelGlobal {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: ClientRequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T>;
}

/** Excel.run, the one door to a request context; the tests pass a fake context instead. */
export function runExcel<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: ExcelGlobal }).Excel;
  if (!excel) return Promise.reject(new Error('Excel.run is not available: the page is not running inside Excel'));
  return excel.run(batch);
}

/**
 * Excel.run on a context an earlier run created (event handlers keep theirs): how Office.js wants
 * a handler removed, or more read for it, after that run has returned.
 */
export function runExcelOn<T>(context: ClientRequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: ExcelGlobal }).Excel;
  if (!excel) return Promise.reject(new Error('Excel.run is not available: the page is not running inside Excel'));
  return excel.run(context, batch);
}
