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

/**
 * Asks for index.json and, as soon as it comes, every file it lists, all at once; the reader it
 * returns answers from those requests (each once), other names through `read`. The check worker
 * starts this before its checking code loads, so the files arrive meanwhile.
 */
export function prefetchCatalogue(read: ReadCatalogueFile = fetchCatalogueFile): PrefetchedCatalogue {
  const asked = new Map<string, Promise<Uint8Array | undefined>>();
  const ask = (name: string) => {
    const request = read(name);
    // Read later, or never (a page closed at once): no unhandled rejection meanwhile.
    request.catch(() => undefined);
    asked.set(name, request);
    return request;
  };
  const listed = ask(CATALOGUE_INDEX).then(
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
