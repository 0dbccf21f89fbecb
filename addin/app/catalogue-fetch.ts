/**
 * How the page and its check worker get the form catalogue's files: forms/ beside taskpane.html,
 * from the page's own origin. Kept free of core: the check worker's first script imports this to
 * ask for the files before its checking code has loaded.
 */

/** The file of forms/ by name, or undefined when the page cannot have it. */
export type ReadCatalogueFile = (name: string) => Promise<Uint8Array | undefined>;

/** The catalogue's folder beside the page: the list, then each file, from the page's own origin. */
export const CATALOGUE_FOLDER = 'forms';
export const CATALOGUE_INDEX = 'index.json';

/** A file of forms/ as the page (or its worker, whose script sits beside the page) fetches it. */
export const fetchCatalogueFile: ReadCatalogueFile = async (name) => {
  const response = await fetch(`${CATALOGUE_FOLDER}/${encodeURIComponent(name)}`, { cache: 'no-cache' });
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
};

/** The names forms/index.json lists: `{ "files": ["F1-2024.xlsx", …] }`. */
export function indexedNames(bytes: Uint8Array): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const files = (parsed as { files?: unknown }).files;
    return Array.isArray(files) && files.every((f) => typeof f === 'string') ? (files as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The files the build put in forms/ (webpack's DefinePlugin); absent outside webpack (Jest). */
declare const KASKAD_BUILT_FORMS: readonly string[] | undefined;

/** The names the build listed in forms/index.json: asked for beside index.json, before it answers. */
export function builtForms(): readonly string[] {
  return typeof KASKAD_BUILT_FORMS === 'undefined' ? [] : KASKAD_BUILT_FORMS;
}

/**
 * Asks for index.json and, at the same moment, the files the build listed in it (`expected`),
 * then any other file the served index.json lists as soon as it comes; the reader it returns
 * answers from those requests (each once), other names through `read`. Only what index.json lists
 * is used (a server may have changed forms/ since the build): a file asked for ahead and not
 * listed is left unread. The check worker starts this before its checking code loads (which holds
 * its thread), so the files arrive meanwhile.
 */
export function prefetchCatalogue(read: ReadCatalogueFile = fetchCatalogueFile, expected: readonly string[] = builtForms()): PrefetchedCatalogue {
  const asked = new Map<string, Promise<Uint8Array | undefined>>();
  const ask = (name: string) => {
    const request = read(name);
    // Read later, or never (a page closed at once): no unhandled rejection meanwhile.
    request.catch(() => undefined);
    asked.set(name, request);
    return request;
  };
  const index = ask(CATALOGUE_INDEX);
  for (const name of expected) if (!asked.has(name)) void ask(name);
  const listed = index.then(
    (index) => {
      for (const name of (index && indexedNames(index)) ?? []) if (!asked.has(name)) void ask(name);
    },
    () => undefined,
  );
  const prefetched: ReadCatalogueFile = (name) => {
    const request = asked.get(name);
    asked.delete(name);
    return request ?? read(name);
  };
  return Object.assign(prefetched, { listed });
}

/** A reader answering from requests made ahead; `listed` settles once every file index.json lists is asked for (never rejects). */
export type PrefetchedCatalogue = ReadCatalogueFile & { listed: Promise<void> };
