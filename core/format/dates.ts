/** GOST R 7.0.97 dates: «08.02.2024» or «8 февраля 2024 г.», from ISO strings (no clock, no time zone). */

const longFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function toUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** «2024-02-08» → «08.02.2024». */
export function formatDateNumeric(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** «2024-02-08» → «8 февраля 2024 г.» (Intl ends long Russian dates with « г.»; the space is a no-break one). */
export function formatDateLong(iso: string): string {
  return longFormat.format(toUtcDate(iso)).replace(/ г\.$/, '\u00a0г.');
}

/** A moment as docProps/core.xml writes it, to the second: «2026-12-01T05:23:55Z». */
export function formatW3cdtf(moment: Date): string {
  return moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
