import { builtForms, CATALOGUE_INDEX, indexedNames, prefetchCatalogue, type ReadCatalogueFile } from '../../../addin/app/catalogue-fetch';

const text = (s: string) => new TextEncoder().encode(s);

/** A forms/ folder whose reads are counted. */
function folder(files: Record<string, string>) {
  const asked: string[] = [];
  const read: ReadCatalogueFile = async (name) => {
    asked.push(name);
    const content = files[name];
    return content === undefined ? undefined : text(content);
  };
  return { read, asked };
}

describe('the check worker asks for the catalogue before its checking code loads', () => {
  it('asks for index.json and then every file it lists at once, and answers each from that request', async () => {
    const { read, asked } = folder({
      [CATALOGUE_INDEX]: JSON.stringify({ files: ['F1-2024.xlsx', 'F1-2024.json'] }),
      'F1-2024.xlsx': 'x',
      'F1-2024.json': 'j',
    });
    const prefetched = prefetchCatalogue(read);
    await prefetched.listed;
    expect(asked).toEqual([CATALOGUE_INDEX, 'F1-2024.xlsx', 'F1-2024.json']);
    expect(new TextDecoder().decode(await prefetched(CATALOGUE_INDEX))).toContain('F1-2024.xlsx');
    expect(new TextDecoder().decode(await prefetched('F1-2024.json'))).toBe('j');
    expect(asked).toHaveLength(3);
    // A name asked for again, or one not listed, is read anew.
    await prefetched('F1-2024.json');
    expect(await prefetched('other.json')).toBeUndefined();
    expect(asked.slice(3)).toEqual(['F1-2024.json', 'other.json']);
  });

  it('without a usable index.json it asks for nothing more, and a failed read is no unhandled rejection', async () => {
    const failing: ReadCatalogueFile = () => Promise.reject(new Error('offline'));
    const prefetched = prefetchCatalogue(failing);
    await prefetched.listed;
    await expect(prefetched(CATALOGUE_INDEX)).rejects.toThrow('offline');
    const { read, asked } = folder({ [CATALOGUE_INDEX]: '{ not json' });
    await prefetchCatalogue(read).listed;
    expect(asked).toEqual([CATALOGUE_INDEX]);
  });

  it("asks for the build's files beside index.json, before it answers; one no longer listed is left unread", async () => {
    const { read, asked } = folder({
      [CATALOGUE_INDEX]: JSON.stringify({ files: ['F1-2024.xlsx', 'F9-2025.xlsx'] }),
      'F1-2024.xlsx': 'x',
      'F2-2024.xlsx': 'old',
      'F9-2025.xlsx': 'new',
    });
    const prefetched = prefetchCatalogue(read, ['F1-2024.xlsx', 'F2-2024.xlsx']);
    // Asked for in the same turn as index.json, not after it.
    expect(asked).toEqual([CATALOGUE_INDEX, 'F1-2024.xlsx', 'F2-2024.xlsx']);
    await prefetched.listed;
    expect(asked).toEqual([CATALOGUE_INDEX, 'F1-2024.xlsx', 'F2-2024.xlsx', 'F9-2025.xlsx']);
    expect(new TextDecoder().decode(await prefetched('F9-2025.xlsx'))).toBe('new');
    expect(asked).toHaveLength(4);
  });

  it('outside webpack (Jest) there is no build list', () => {
    expect(builtForms()).toEqual([]);
  });

  it('reads the list of forms/index.json', () => {
    expect(indexedNames(text('{"files":["a.xlsx"]}'))).toEqual(['a.xlsx']);
    expect(indexedNames(text('{"files":[1]}'))).toBeUndefined();
    expect(indexedNames(text('nope'))).toBeUndefined();
  });
});
