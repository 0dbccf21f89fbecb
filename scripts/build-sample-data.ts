import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDataset } from '../core/model/schemas';
import { writeDataWorkbook } from '../core/workbook/write-data-workbook';
import { checkSample } from './sample-data/check-sample';
import { sampleDataset } from './sample-data';

/** One fixed stamp for the workbooks' created/modified: rebuilding changes no bytes. */
const STAMP = new Date(Date.UTC(2024, 1, 8));

/**
 * Builds templates/data/sample-region.{xlsx,json} and blank.xlsx reproducibly:
 * `npm run build:samples`. Stops, listing every problem, if the sample breaks a rule.
 */
async function main(): Promise<void> {
  const dataset = sampleDataset();
  const problems = checkSample(dataset);
  if (problems.length > 0) {
    process.stderr.write(`The sample data has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}\n`).join('')}`);
    process.exitCode = 1;
    return;
  }
  const dir = join(__dirname, '..', '..', 'templates', 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sample-region.json'), `${JSON.stringify(dataset, null, 2)}\n`);
  writeFileSync(join(dir, 'sample-region.xlsx'), await writeDataWorkbook(dataset, { timestamp: STAMP }));
  writeFileSync(join(dir, 'blank.xlsx'), await writeDataWorkbook(emptyDataset(), { blank: true, timestamp: STAMP }));
  const counts = Object.entries(dataset)
    .map(([name, rows]) => `${name} ${(rows as unknown[]).length}`)
    .join(', ');
  process.stdout.write(`sample-region.json, sample-region.xlsx, blank.xlsx: ${counts}\n`);
}

void main();
