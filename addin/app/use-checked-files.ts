import { useCallback, useRef, useState } from 'react';
import type { ReferenceData } from '../../core/forms/reference-data';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { CheckOutcome } from '../../core/usecases/check-workbook';
import type { ReferenceLists } from './check-protocol';
import { loadEngine } from './load-engine';

/** A workbook opened from disk in browser mode, with what its check found. */
export interface CheckedFile {
  /** Unique in the page: a file opened again gets a new id (and replaces the entry of the same name). */
  id: number;
  name: string;
  /** The card's municipality (as the data workbook spells it, when one is open). */
  municipality?: string;
  /** Set when this file replaced an earlier one of the same name. */
  replaced?: boolean;
  bytes: Uint8Array;
  snapshot?: WorkbookSnapshot;
  outcome: CheckOutcome;
  /** The data workbook the card's names were checked against (`kaskad validate --data`). */
  checkedWith?: string;
}

/** A data workbook's reference lists, named for the message «сверено с книгой данных …». */
export interface Reference {
  name: string;
  data: ReferenceData;
  /** The lists `data` was built from: the check worker builds its own from them (else checks stay on the main thread). */
  lists?: ReferenceLists;
}

export interface CheckedFiles {
  files: CheckedFile[];
  /** Files read so far of the current batch; undefined when idle. */
  progress?: { done: number; total: number };
  open(chosen: readonly File[]): Promise<CheckedFile[]>;
  /** Takes one file out of the list. */
  remove(id: number): void;
  /** Empties the list (the data workbook the cards were checked against is forgotten too). */
  clear(): void;
}

/**
 * The list after opening `file`: a file of the same name (a corrected card opened again) is
 * replaced where it stood, so a svod never mixes the stale and the new; otherwise it is added at the end.
 */
export function withOpened(list: readonly CheckedFile[], file: CheckedFile): CheckedFile[] {
  const at = list.findIndex((f) => f.name === file.name);
  if (at < 0) return [...list, file];
  const next = [...list];
  next[at] = { ...file, replaced: true };
  return next;
}

/**
 * How often a batch redraws the list and its count while files are checked: a few times a second
 * (every 150 ms the redraws held the main thread about as long as the worker took to check the cards).
 */
const PAINT_EVERY_MS = 400;

/**
 * Files of a batch read and queued at the check worker ahead of the one taken in: enough that the
 * worker still has cards while the page draws the list (4 left it idle then).
 */
const READ_AHEAD = 12;

/** Lets the page paint between files of a batch: 43 cards should show a moving count, not a frozen pane. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function checkFile(id: number, name: string, bytes: Uint8Array, reference?: Reference): Promise<CheckedFile> {
  const engine = await loadEngine();
  const { outcome, snapshot } = await engine.checker.checkBytes(name, bytes, engine.formDefinitions(), reference);
  return {
    id,
    name,
    bytes,
    snapshot,
    outcome,
    municipality: await municipalityOf(outcome, reference),
    ...(reference && outcome.kind === 'form' ? { checkedWith: reference.name } : {}),
  };
}

async function municipalityOf(outcome: CheckOutcome, reference?: Reference): Promise<string | undefined> {
  if (outcome.kind !== 'form') return undefined;
  const engine = await loadEngine();
  const def = engine.formDefinitions().find((d) => d.id === outcome.form.id && d.version === outcome.form.version);
  return def ? engine.cardMunicipality(def, outcome.values, reference?.data) : undefined;
}

/** A form card checked again against a data workbook opened after it; other files stay as they are. */
export async function recheckWith(file: CheckedFile, reference: Reference): Promise<CheckedFile> {
  if (file.outcome.kind !== 'form' || !file.snapshot || file.checkedWith === reference.name) return file;
  const engine = await loadEngine();
  const outcome = await engine.checker.checkSnapshot(file.name, file.snapshot, engine.formDefinitions(), reference);
  return { ...file, outcome, municipality: await municipalityOf(outcome, reference), checkedWith: reference.name };
}

/** A card checked again after a definition was opened (with the data workbook, if one is open). */
async function recheckDefinitions(file: CheckedFile, reference?: Reference): Promise<CheckedFile> {
  if (!file.snapshot || (file.outcome.kind !== 'form' && file.outcome.kind !== 'unrecognised')) return file;
  const engine = await loadEngine();
  const outcome = await engine.checker.checkSnapshot(file.name, file.snapshot, engine.formDefinitions(), reference);
  return {
    ...file,
    outcome,
    municipality: await municipalityOf(outcome, reference),
    ...(reference && outcome.kind === 'form' ? { checkedWith: reference.name } : {}),
  };
}

/**
 * Browser mode: reads and checks the chosen files one by one, in the check worker where the
 * browser has one (engine.checker); nothing leaves the page. Once a
 * data workbook is among the files, cards are checked against it as `kaskad validate --data`
 * does (municipality, school and person names must be known), those opened before it too.
 */
export function useCheckedFiles(): CheckedFiles {
  const [files, setFiles] = useState<CheckedFile[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const nextId = useRef(1);
  // Mirrors of state read inside one open(): the batch must see what it added a moment ago.
  const current = useRef<CheckedFile[]>([]);
  const reference = useRef<Reference | undefined>(undefined);
  const publish = (next: CheckedFile[]) => {
    current.current = next;
    setFiles(next);
  };

  const open = useCallback(async (chosen: readonly File[]) => {
    const added: CheckedFile[] = [];
    let newReference = false;
    let newDefinition = false;
    setProgress({ done: 0, total: chosen.length });
    // The next few files are read and sent for checking while this one's result is taken in, so
    // the worker never waits for the page (reading a File is a round trip to the browser). A file checked ahead of a data workbook or definition of
    // the same batch is checked again below, as the ones opened before it are.
    const start = async (file: File): Promise<CheckedFile> =>
      checkFile(nextId.current++, file.name, new Uint8Array(await file.arrayBuffer()), reference.current);
    const ahead: Array<Promise<CheckedFile>> = [];
    let queued = 0;
    const fill = () => {
      while (queued < chosen.length && ahead.length < READ_AHEAD) ahead.push(start(chosen[queued++]!));
    };
    fill();
    let painted = performance.now();
    for (const [index] of chosen.entries()) {
      const checked = await ahead.shift()!;
      fill();
      if (checked.outcome.kind === 'definition' && checked.outcome.definition) {
        (await loadEngine()).adoptOpenedDefinition(checked.outcome.definition);
        newDefinition = true;
      }
      if (checked.outcome.kind === 'data') {
        const engine = await loadEngine();
        const lists = checked.outcome.dataset;
        reference.current = { name: checked.name, data: engine.buildReferenceData(lists), lists };
        newReference = true;
      }
      const next = withOpened(current.current, checked);
      added.push(next.find((f) => f.id === checked.id) ?? checked);
      current.current = next;
      // The list and the count are drawn a few times a second, not for every file: 43 rows drawn 43 times cost more than the checks.
      if (index === chosen.length - 1 || performance.now() - painted >= PAINT_EVERY_MS) {
        publish(next);
        setProgress({ done: index + 1, total: chosen.length });
        await nextFrame();
        painted = performance.now();
      }
    }
    const latest = reference.current;
    // A definition opened beside cards: every card is checked and scored again by the definitions now in force.
    if (newDefinition) publish(await Promise.all(current.current.map((f) => recheckDefinitions(f, latest))));
    else if (newReference && latest) publish(await Promise.all(current.current.map((f) => recheckWith(f, latest))));
    setProgress(undefined);
    return added;
  }, []);

  const remove = useCallback((id: number) => {
    const gone = current.current.find((f) => f.id === id);
    if (gone?.outcome.kind === 'data' && reference.current?.name === gone.name) reference.current = undefined;
    publish(current.current.filter((f) => f.id !== id));
  }, []);

  const clear = useCallback(() => {
    reference.current = undefined;
    publish([]);
  }, []);

  return { files, progress, open, remove, clear };
}
