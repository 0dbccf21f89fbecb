import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import {
  buildManifest,
  checkManifestUrl,
  DEFAULT_URL,
  ManifestUrlError,
  manifestUrlFrom,
  manifestVersion,
  type ManifestUrlProblem,
} from '../../scripts/build-manifest';
import { xmllint } from './xmllint';

const REPO = join(__dirname, '..', '..');
const HOST = 'https://kaskad.example.ru';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

const xml = buildManifest(HOST);
const doc = new DOMParser().parseFromString(xml, 'text/xml');

function all(name: string): Element[] {
  return Array.from(doc.getElementsByTagName('*')).filter((e) => name === '*' || e.localName === name);
}

describe('the add-in manifest', () => {
  it('validates against the OfficeApp 1.1 schema', () => {
    const result = xmllint(xml);
    expect(result.output).not.toMatch(/fails to validate|error/i);
    expect(result.ok).toBe(true);
  });

  it('is refused by the schema when the element order is wrong (the check can fail)', () => {
    const broken = xml.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)\s*(<Permissions>[^<]*<\/Permissions>)/, '$2$1');
    expect(broken).not.toBe(xml);
    expect(xmllint(broken).ok).toBe(false);
  });

  it('describes a Russian task pane add-in for Excel workbooks', () => {
    const root = doc.documentElement!;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    const text = (name: string) => all(name)[0]?.textContent;
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text('Version')).toBe(`${PACKAGE_VERSION}.0`);
    expect(text('ProviderName')).toBe('Каскад');
    expect(text('DefaultLocale')).toBe('ru-RU');
    expect(text('Permissions')).toBe('ReadWriteDocument');
    expect(all('Host').map((h) => h.getAttribute('Name') || h.getAttributeNS(XSI, 'type'))).toEqual(['Workbook', 'Workbook']);
    expect(all('Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.1']]);
    expect(all('DefaultSettings')[0]?.getElementsByTagName('SourceLocation')[0]?.getAttribute('DefaultValue')).toBe(`${HOST}/taskpane.html`);
    expect(all('AppDomain').map((d) => d.textContent)).toEqual([HOST]);
  });

  it('uses every resource it defines and defines every resource it uses', () => {
    const defined = ['Image', 'Url', 'String']
      .flatMap((name) => Array.from(doc.getElementsByTagNameNS(BT, name)))
      .filter((e) => e.hasAttribute('id'))
      .map((e) => e.getAttribute('id')!);
    const used = all('*')
      .filter((e) => e.hasAttribute('resid'))
      .map((e) => e.getAttribute('resid')!);
    expect(new Set(defined).size).toBe(defined.length);
    expect([...new Set(used)].filter((id) => !defined.includes(id))).toEqual([]);
    expect(defined.filter((id) => !used.includes(id))).toEqual([]);
  });

  it('points every URL at the given https host', () => {
    const urls = all('*')
      .flatMap((e) => [e.getAttribute('DefaultValue'), e.localName === 'AppDomain' ? e.textContent : null])
      .filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) expect(new URL(url).origin).toBe(HOST);
    expect(xml).not.toMatch(/\{URL\}|\{ORIGIN\}/);
    expect(xml.replace(/xmlns(:\w+)?="[^"]*"/g, '')).not.toMatch(/http:\/\//);
  });

  it('has a «Каскад» tab with «Проверить», «Документы», «Бланки» opening their sections of the pane', () => {
    const strings = new Map(Array.from(doc.getElementsByTagNameNS(BT, 'String')).map((e) => [e.getAttribute('id'), e.getAttribute('DefaultValue')]));
    const urls = new Map(Array.from(doc.getElementsByTagNameNS(BT, 'Url')).map((e) => [e.getAttribute('id'), e.getAttribute('DefaultValue')]));
    const label = (e: Element | undefined) =>
      strings.get(
        Array.from(e?.childNodes ?? [])
          .find((n): n is Element => (n as Element).localName === 'Label')
          ?.getAttribute('resid') ?? '',
      );
    expect(label(all('CustomTab')[0])).toBe('Каскад');
    const buttons = all('Control').filter((c) => c.getAttributeNS(XSI, 'type') === 'Button');
    expect(buttons.map(label)).toEqual(['Проверить', 'Документы', 'Бланки']);
    const panes = buttons.map((b) => {
      const action = b.getElementsByTagName('Action')[0]!;
      expect(action.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
      return urls.get(action.getElementsByTagName('SourceLocation')[0]!.getAttribute('resid'));
    });
    expect(panes).toEqual([`${HOST}/taskpane.html?view=check`, `${HOST}/taskpane.html?view=documents`, `${HOST}/taskpane.html?view=blanks`]);
    for (const b of buttons) {
      expect(Array.from(b.getElementsByTagNameNS(BT, 'Image')).map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);
    }
  });

  it('names commands.html as the page Office runs ribbon commands in', () => {
    const urls = new Map(Array.from(doc.getElementsByTagNameNS(BT, 'Url')).map((e) => [e.getAttribute('id'), e.getAttribute('DefaultValue')]));
    const functionFiles = all('FunctionFile');
    expect(functionFiles).toHaveLength(1);
    expect(urls.get(functionFiles[0]!.getAttribute('resid'))).toBe(`${HOST}/commands.html`);
  });
});

describe('buildManifest', () => {
  it.each<[string, ManifestUrlProblem]>([
    ['http://kaskad.example.ru', 'not-https'],
    ['ftp://kaskad.example.ru', 'not-https'],
    ['kaskad.example.ru', 'invalid'],
    ['https://kaskad.example.ru/', 'trailing-slash'],
    ['https://kaskad.example.ru/addin/', 'trailing-slash'],
    ['https://kaskad.example.ru?x=1', 'query-or-hash'],
    ['https://user:pw@kaskad.example.ru', 'credentials'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(() => buildManifest(url)).toThrow(ManifestUrlError);
    try {
      buildManifest(url);
    } catch (error) {
      expect((error as ManifestUrlError).problem).toBe(problem);
    }
  });

  it('says in Russian what is wrong with a refused host', () => {
    expect(() => buildManifest('http://kaskad.example.ru')).toThrow(
      'Адрес надстройки «http://kaskad.example.ru» не подходит: Excel загружает надстройки только по https',
    );
    expect(() => buildManifest('https://kaskad.example.ru/')).toThrow('уберите «/» в конце адреса');
  });

  it('takes the Version from package.json, with a fourth part', () => {
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('2.10.3-beta.1')).toBe('2.10.3.0');
    expect(() => manifestVersion('2.10')).toThrow('is not «major.minor.patch»');
    expect(buildManifest(HOST, '<Version>{VERSION}</Version>', '1.2.3.0')).toBe('<Version>1.2.3.0</Version>');
  });

  it('keeps a path prefix in URLs and only the origin in AppDomain', () => {
    const built = buildManifest('https://schools.example.ru:8443/kaskad');
    expect(built).toContain('DefaultValue="https://schools.example.ru:8443/kaskad/taskpane.html?view=check"');
    expect(built).toContain('<AppDomain>https://schools.example.ru:8443</AppDomain>');
  });

  it('escapes the host for XML', () => {
    expect(buildManifest('https://kaskad.example.ru/a&b', '<x a="{URL}"/>')).toBe('<x a="https://kaskad.example.ru/a&amp;b"/>');
    expect(checkManifestUrl('https://kaskad.example.ru').origin).toBe(HOST);
  });

  it('takes the host from --url=, then KASKAD_URL, then the dev default', () => {
    expect(manifestUrlFrom(['--url=https://a.example.ru'], { KASKAD_URL: 'https://b.example.ru' })).toBe('https://a.example.ru');
    expect(manifestUrlFrom([], { KASKAD_URL: 'https://b.example.ru' })).toBe('https://b.example.ru');
    expect(manifestUrlFrom([], {})).toBe('https://localhost:3000');
  });
});

describe('the development manifest at the repository root (where Office tooling looks for it)', () => {
  const root = readFileSync(join(REPO, 'manifest.xml'), 'utf8');

  it('is the manifest for https://localhost:3000 (refresh with `npm run build:dev-manifest`)', () => {
    expect(root).toBe(buildManifest(DEFAULT_URL));
    expect(root).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  });

  it('validates against the OfficeApp 1.1 schema', () => {
    expect(xmllint(root).ok).toBe(true);
  });
});
