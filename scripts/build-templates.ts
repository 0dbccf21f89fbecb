import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer, type Document } from 'docx';
import { letterTemplate } from './templates/letter';
import { letterScheduleTemplate } from './templates/letter-schedule';
import { mailingTemplate } from './templates/mailing';
import { monitoringReportTemplate } from './templates/monitoring-report';
import { orderTemplate } from './templates/order';
import { roadmapTemplate } from './templates/roadmap';
import { seminarLetterTemplate } from './templates/seminar-letter';
import { techCardTemplate } from './templates/tech-card';

/** Builds templates/documents/*.docx reproducibly: `npm run build:templates`. */
export const TEMPLATE_BUILDERS: Record<string, () => Document> = {
  letter: letterTemplate,
  'letter-schedule': letterScheduleTemplate,
  'seminar-letter': seminarLetterTemplate,
  order: orderTemplate,
  roadmap: roadmapTemplate,
  mailing: mailingTemplate,
  'tech-card': techCardTemplate,
  'monitoring-report': monitoringReportTemplate,
};

async function main(): Promise<void> {
  const dir = join(__dirname, '..', '..', 'templates', 'documents');
  mkdirSync(dir, { recursive: true });
  for (const [id, build] of Object.entries(TEMPLATE_BUILDERS)) {
    const buffer = await Packer.toBuffer(build());
    writeFileSync(join(dir, `${id}.docx`), buffer);
    process.stdout.write(`${id}.docx\n`);
  }
}

if (require.main === module) void main();
