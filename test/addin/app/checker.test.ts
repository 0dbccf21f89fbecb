import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCheckHandler, warmUp } from '../../../addin/app/check-worker-handler';
import type { CheckReply, CheckRequest } from '../../../addin/app/check-protocol';
import { createChecker, type CheckWorker, type LocalChecks } from '../../../addin/app/checker';
import { catalogueIssues, formDefinitions, loadFormCatalogue, resetFormDefinitions } from '../../../addin/app/definitions';
import { buildReferenceData } from '../../../core/forms/reference-data';
import { checkSnapshot } from '../../../core/usecases/check-workbook';
import { checkWorkbookBytes } from '../../../core/usecases/check-workbook-bytes';
import { ROOT, SAMPLE_XLSX } from '../../helpers/sample-workbook';
import { FORMS_DIR, folderReader, primePaneCatalogue } from '../../helpers/pane-catalogue';

beforeAll(() => primePaneCatalogue());

const F1 = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', name)));

/**
 * A worker in the test's own thread: the real handler of check.worker.ts, every message
 * structured-cloned both ways as postMessage does; it keeps what it was sent.
 */
function inProcessWorker(options: { failToLoad?: boolean } = {}) {
  const handle = createCheckHandler();
  const listeners: Record<string, Array<(event: unknown) => void>> = {};
  const sent: CheckRequest[] = [];
  const worker: CheckWorker = {
    addEventListener: ((type: string, listener: (event: unknown) => void) => {
      (listeners[type] ??= []).push(listener);
    }) as CheckWorker['addEventListener'],
    postMessage: ((message: CheckRequest) => {
      const request = structuredClone(message);
      sent.push(request);
      if (options.failToLoad) {
        setTimeout(() => listeners.error?.forEach((l) => l(new Error('script failed to load'))), 0);
        return;
      }
      void handle(request).then((reply: CheckReply) => listeners.message?.forEach((l) => l({ data: structuredClone(reply) })));
    }) as CheckWorker['postMessage'],
    terminate: () => undefined,
  };
  return { worker, sent };
}

/** The main-thread checks, counted. */
function countedLocal(): LocalChecks & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    bytes: (file, bytes, definitions, data) => {
      calls.push(`bytes ${file}`);
      return checkWorkbookBytes(bytes, file, definitions, { data });
    },
    snapshot: (file, snapshot, definitions, data) => {
      calls.push(`snapshot ${file}`);
      return checkSnapshot(snapshot, file, definitions, { data });
    },
  };
}

describe('the check worker and the page', () => {
  it("gives the main thread's findings, score and snapshot, definitions and data lists sent only when they change", async () => {
    const { worker, sent } = inProcessWorker();
    const local = countedLocal();
    const checker = createChecker(async () => worker, local);
    const definitions = formDefinitions();
    const dataset = (await checkWorkbookBytes(new Uint8Array(readFileSync(SAMPLE_XLSX)), 'sample-region.xlsx', definitions)).outcome;
    if (dataset.kind !== 'data') throw new Error('sample-region.xlsx is not read as the data workbook');
    const reference = { data: buildReferenceData(dataset.dataset), lists: dataset.dataset };

    const plain = await checker.checkBytes('F1-mo05.xlsx', F1('F1-mo05.xlsx'), definitions);
    expect(plain).toEqual(await checkWorkbookBytes(F1('F1-mo05.xlsx'), 'F1-mo05.xlsx', definitions));
    if (plain.outcome.kind !== 'form') throw new Error('F1-mo05.xlsx is not an F1 card');
    expect(plain.outcome.issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : ''])).toEqual([['FORM_NOT_PERCENT', 'C20']]);

    const second = await checker.checkBytes('F1-mo01.xlsx', F1('F1-mo01.xlsx'), [...definitions]);
    const again = await checker.checkSnapshot('F1-mo01.xlsx', second.snapshot!, definitions, reference);
    expect(again).toEqual(checkSnapshot(second.snapshot!, 'F1-mo01.xlsx', definitions, { data: reference.data }));
    const once = await checker.checkSnapshot('F1-mo05.xlsx', plain.snapshot!, definitions, reference);
    expect(once).toEqual(checkSnapshot(plain.snapshot!, 'F1-mo05.xlsx', definitions, { data: reference.data }));
    await checker.checkBytes('F1-mo02.xlsx', F1('F1-mo02.xlsx'), definitions);

    expect(local.calls).toEqual([]);
    expect(checker.where).toBe('worker');
    expect(
      sent.map((r) => [
        r.file,
        'bytes' in r.workbook ? 'bytes' : 'snapshot',
        r.definitions?.length,
        r.reference === undefined ? '' : r.reference ? 'lists' : 'none',
      ]),
    ).toEqual([
      ['F1-mo05.xlsx', 'bytes', definitions.length, 'none'],
      ['F1-mo01.xlsx', 'bytes', undefined, ''],
      ['F1-mo01.xlsx', 'snapshot', undefined, 'lists'],
      ['F1-mo05.xlsx', 'snapshot', undefined, ''],
      ['F1-mo02.xlsx', 'bytes', undefined, 'none'],
    ]);
  });

  it('checks on the main thread where there is no Worker, or when the worker cannot start or load', async () => {
    const definitions = formDefinitions();
    const expected = await checkWorkbookBytes(F1('F1-mo05.xlsx'), 'F1-mo05.xlsx', definitions);

    const none = countedLocal();
    const withoutWorker = createChecker(undefined, none);
    expect(await withoutWorker.checkBytes('F1-mo05.xlsx', F1('F1-mo05.xlsx'), definitions)).toEqual(expected);
    expect(none.calls).toEqual(['bytes F1-mo05.xlsx']);
    expect(withoutWorker.where).toBe('main thread');

    const refused = countedLocal();
    const cannotStart = createChecker(() => Promise.reject(new Error('SecurityError: worker-src')), refused);
    expect(await cannotStart.checkBytes('F1-mo05.xlsx', F1('F1-mo05.xlsx'), definitions)).toEqual(expected);
    expect(refused.calls).toEqual(['bytes F1-mo05.xlsx']);

    const broken = inProcessWorker({ failToLoad: true });
    const dropped = countedLocal();
    const failing = createChecker(async () => broken.worker, dropped);
    expect(await failing.checkBytes('F1-mo05.xlsx', F1('F1-mo05.xlsx'), definitions)).toEqual(expected);
    await failing.checkBytes('F1-mo01.xlsx', F1('F1-mo01.xlsx'), definitions);
    // The second file no longer goes to the dead worker.
    expect(broken.sent.map((r) => r.file)).toEqual(['F1-mo05.xlsx']);
    expect(dropped.calls).toEqual(['bytes F1-mo05.xlsx', 'bytes F1-mo01.xlsx']);
    expect(failing.where).toBe('main thread');
  });

  it('keeps a check against a data workbook known only as ReferenceData on the main thread', async () => {
    const { worker, sent } = inProcessWorker();
    const local = countedLocal();
    const checker = createChecker(async () => worker, local);
    const dataset = (await checkWorkbookBytes(new Uint8Array(readFileSync(SAMPLE_XLSX)), 'sample-region.xlsx', formDefinitions())).outcome;
    if (dataset.kind !== 'data') throw new Error('sample-region.xlsx is not read as the data workbook');
    await checker.checkBytes('F1-mo05.xlsx', F1('F1-mo05.xlsx'), formDefinitions(), { data: buildReferenceData(dataset.dataset) });
    expect(sent).toEqual([]);
    expect(local.calls).toEqual(['bytes F1-mo05.xlsx']);
  });
});

describe("the check worker's start and the page's catalogue", () => {
  it('warmUp compiles the same catalogue the page would, and the page takes it over without reading forms/', async () => {
    const inPage = { definitions: [...formDefinitions()], issues: [...catalogueIssues()] };
    // The worker's own copy of definitions.ts starts empty.
    resetFormDefinitions();
    const warmed = await warmUp(folderReader(FORMS_DIR));
    expect(warmed).not.toBe(undefined);
    expect(warmed!.definitions).not.toBe(inPage.definitions);
    expect(warmed).toBeDefined();
    // As it crosses postMessage.
    const sent = structuredClone(warmed!);
    expect(sent.definitions).toEqual(inPage.definitions);
    expect(sent.issues).toEqual(inPage.issues);

    resetFormDefinitions();
    const reads: string[] = [];
    const taken = await loadFormCatalogue(async (name) => {
      reads.push(name);
      return undefined;
    }, Promise.resolve(sent));
    expect(reads).toEqual([]);
    expect(taken).toBe(sent);
    expect(formDefinitions()).toEqual(inPage.definitions);
  });

  it('when the worker cannot give the catalogue, the page reads and compiles forms/ itself', async () => {
    resetFormDefinitions();
    const loaded = await loadFormCatalogue(folderReader(FORMS_DIR), Promise.reject(new Error('check worker failed')));
    expect(loaded.definitions.map((d) => `${d.id}@${d.version}`)).toEqual(formDefinitions().map((d) => `${d.id}@${d.version}`));
    expect(loaded.definitions.length).toBeGreaterThanOrEqual(4);
  });

  it('asked twice while it loads, the catalogue reads forms/ once', async () => {
    resetFormDefinitions();
    const reads: string[] = [];
    const counting = (name: string) => {
      reads.push(name);
      return folderReader(FORMS_DIR)(name);
    };
    const [first, second] = await Promise.all([loadFormCatalogue(counting), loadFormCatalogue(counting)]);
    expect(second).toBe(first);
    expect(reads.filter((name) => name === 'index.json')).toEqual(['index.json']);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('the checker passes over the catalogue message the worker sends at its start', async () => {
    const { worker } = inProcessWorker();
    const listeners: Array<(event: unknown) => void> = [];
    const wrapped: CheckWorker = {
      ...worker,
      addEventListener: ((type: string, listener: (event: unknown) => void) => {
        if (type === 'message') listeners.push(listener);
        worker.addEventListener(type as 'message', listener as (event: MessageEvent) => void);
      }) as CheckWorker['addEventListener'],
    };
    const local = countedLocal();
    const checker = createChecker(async () => wrapped, local);
    const checking = checker.checkBytes('F1-mo05.xlsx', F1('F1-mo05.xlsx'), formDefinitions());
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const listener of listeners) listener({ data: { catalogue: { definitions: [], issues: [] } } });
    const checked = await checking;
    expect(checked.outcome.kind).toBe('form');
    expect(local.calls).toEqual([]);
    expect(checker.where).toBe('worker');
  });
});
