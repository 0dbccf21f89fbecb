import { useCallback, useRef, useState } from 'react';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { CheckOutcome } from './check-workbook';
import { loadEngine } from './load-engine';

/** A workbook opened from disk in browser mode, with what its check found. */
export interface CheckedFile {
  /** Unique in the page, so the same file opened twice is two entries. */
  id: number;
  name: string;
  bytes: Uint8Array;
  snapshot?: WorkbookSnapshot;
  outcome: CheckOutcome;
}

export interface CheckedFiles {
  files: CheckedFile[];
  /** Files read so far of the current batch; undefined when idle. */
  progress?: { done: number; total: number };
  open(chosen: readonly File[]): Promise<CheckedFile[]>;
  remove(id: number): void;
}

/** Lets the page paint between files of a batch: 43 cards should show a moving count, not a frozen pane. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function checkFile(id: number, name: string, bytes: Uint8Array): Promise<CheckedFile> {
  const engine = await loadEngine();
  const read = await engine.readWorkbookFile(name, bytes);
  if (!read.ok) return { id, name, bytes, outcome: { kind: 'unreadable', file: name, issues: read.issues } };
  return { id, name, bytes, snapshot: read.snapshot, outcome: engine.checkSnapshot(read.snapshot, name, engine.formDefinitions()) };
}

/** Browser mode: reads and checks the chosen files one by one; nothing leaves the page. */
export function useCheckedFiles(): CheckedFiles {
  const [files, setFiles] = useState<CheckedFile[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const nextId = useRef(1);

  const open = useCallback(async (chosen: readonly File[]) => {
    const added: CheckedFile[] = [];
    setProgress({ done: 0, total: chosen.length });
    for (const [index, file] of chosen.entries()) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const checked = await checkFile(nextId.current++, file.name, bytes);
      added.push(checked);
      setFiles((before) => [...before, checked]);
      setProgress({ done: index + 1, total: chosen.length });
      await nextFrame();
    }
    setProgress(undefined);
    return added;
  }, []);

  const remove = useCallback((id: number) => setFiles((before) => before.filter((f) => f.id !== id)), []);
  return { files, progress, open, remove };
}
