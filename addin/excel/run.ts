import type { RequestContext } from './office-types';

interface ExcelGlobal {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: RequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T>;
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
export function runExcelOn<T>(context: RequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: ExcelGlobal }).Excel;
  if (!excel) return Promise.reject(new Error('Excel.run is not available: the page is not running inside Excel'));
  return excel.run(context, batch);
}
