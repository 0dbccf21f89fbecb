import { useEffect, useState } from 'react';
import { earlyCatalogue } from './check-worker-early';

export type Engine = typeof import('./engine');

let pending: Promise<Engine> | undefined;

/** The engine chunk and the form catalogue, asked for once; a failed load (a dropped connection) is asked for again next time. */
export function loadEngine(): Promise<Engine> {
  if (!pending) {
    // Ready only with the form catalogue (forms/ beside the page) compiled: checks need the definitions.
    // In browser mode the check worker compiles it (check-worker-early.ts) while this chunk loads.
    pending = import(/* webpackChunkName: "engine" */ './engine').then(async (engine) => {
      await engine.loadFormCatalogue(undefined, earlyCatalogue());
      return engine;
    });
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}

/** The engine once it has loaded (the pane starts loading it at start-up); undefined until then. */
export function useEngine(): Engine | undefined {
  const [engine, setEngine] = useState<Engine>();
  useEffect(() => {
    let live = true;
    void loadEngine().then((loaded) => {
      if (live) setEngine(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return engine;
}
