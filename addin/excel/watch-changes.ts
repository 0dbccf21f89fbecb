import type { ExcelCapabilities } from './capabilities';
import { sheetKey, stripSheet } from './excel-values';
import type { ClientRequestContext, EventHandlerResult, RequestContext, Worksheet, WorksheetChangedEventArgs } from './office-types';

/** A user's edit: the sheet (undefined when its name could not be learnt) and the changed area. */
export interface WorkbookChange {
  sheet?: string;
  address?: string;
}

/** Excel.run on an existing context. */
export type LaterRun = <T>(context: ClientRequestContext, batch: (context: RequestContext) => Promise<T>) => Promise<T>;

export interface WatchHandle {
  /** «workbook»: one handler for every sheet (ExcelApi 1.9); «sheets»: one per sheet present at registration (1.7). */
  readonly mode: 'workbook' | 'sheets';
  /**
   * Drops changes until resume(); calls nest. Wrap the pane's own writes (highlights) in them.
   * Excel reports a change after the sync that made it, so on hosts below ExcelApi 1.14 (which
   * cannot tell our writes from the user's) resume only after the write's sync has returned,
   * and let the caller's debounce absorb a late report. On 1.14+ our own writes are dropped anyway.
   */
  pause(): void;
  resume(): void;
  /** Removes the handlers: remove() on each, then one sync on the context they were added in. */
  stop(): Promise<void>;
}

/**
 * Calls onChange for each edit the user makes, so the pane can re-check (it debounces). Changes on
 * ignoreSheets (the summary sheet the pane writes) and changes this add-in made (ExcelApi 1.14
 * triggerSource) never reach it. Register in a runExcel of its own: the handle keeps using that
 * context to learn the names of sheets added later and to remove the handlers.
 * Syncs: 1 to register where ExcelApi 1.9 gives workbook.worksheets.onChanged; 2 with only 1.7
 * (the sheets must be listed before a handler goes on each); undefined, and none, below 1.7.
 */
export async function watchWorkbookChanges(
  context: RequestContext,
  onChange: (change: WorkbookChange) => void,
  capabilities: ExcelCapabilities,
  ignoreSheets: readonly string[] = [],
  /**
   * Runs later work on the registration context once its Excel.run has returned: Office.js wants
   * `Excel.run(handlerResult.context, …)` for that (run.ts's runExcelOn). Tests pass the context through.
   */
  later: LaterRun = (ctx, batch) => batch(ctx as RequestContext),
): Promise<WatchHandle | undefined> {
  if (!capabilities.collectionChangedEvents && !capabilities.worksheetChangedEvents) return undefined;
  const ignored = new Set(ignoreSheets.map(sheetKey));
  const names = new Map<string, string>();
  let paused = 0;
  let stopped = false;
  let results: EventHandlerResult[] = [];

  const report = (sheet: string | undefined, args: WorksheetChangedEventArgs): void => {
    if (stopped || paused > 0 || args.triggerSource === 'ThisLocalAddin') return;
    if (sheet !== undefined && ignored.has(sheetKey(sheet))) return;
    onChange({ ...(sheet === undefined ? {} : { sheet }), ...(args.address ? { address: stripSheet(args.address) } : {}) });
  };

  /** A sheet added after registration (the summary, a blank): one sync, shared by its events, then remembered. */
  const lookups = new Map<string, Promise<string | undefined>>();
  const nameOf = (worksheetId: string): Promise<string | undefined> => {
    const known = names.get(worksheetId);
    if (known !== undefined) return Promise.resolve(known);
    let lookup = lookups.get(worksheetId);
    if (!lookup) {
      lookup = later(context, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem(worksheetId).load('name');
        await ctx.sync();
        return sheet.name;
      }).then(
        (name) => {
          names.set(worksheetId, name);
          lookups.delete(worksheetId);
          return name;
        },
        () => {
          lookups.delete(worksheetId);
          return undefined;
        }, // deleted since: the change is still the user's
      );
      lookups.set(worksheetId, lookup);
    }
    return lookup;
  };

  const worksheets = context.workbook.worksheets.load('items/name,items/id');
  let mode: WatchHandle['mode'];
  if (capabilities.collectionChangedEvents) {
    mode = 'workbook';
    results.push(
      worksheets.onChanged.add(async (args) => {
        if (stopped || paused > 0 || args.triggerSource === 'ThisLocalAddin') return;
        report(await nameOf(args.worksheetId), args);
      }),
    );
    await context.sync();
    for (const sheet of worksheets.items) names.set(sheet.id, sheet.name);
  } else {
    mode = 'sheets';
    await context.sync();
    const watched = worksheets.items.filter((sheet: Worksheet) => !ignored.has(sheetKey(sheet.name)));
    for (const sheet of watched) {
      const name = sheet.name;
      results.push(sheet.onChanged.add(async (args) => report(name, args)));
    }
    if (watched.length > 0) await context.sync();
  }

  return {
    mode,
    pause: () => {
      paused++;
    },
    resume: () => {
      paused = Math.max(0, paused - 1);
    },
    stop: async () => {
      stopped = true;
      const removing = results;
      results = [];
      if (removing.length === 0) return;
      for (const owner of new Set(removing.map((r) => r.context))) {
        await later(owner, async (ctx) => {
          for (const result of removing) if (result.context === owner) result.remove();
          await ctx.sync();
        });
      }
    },
  };
}
