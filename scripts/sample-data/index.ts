import type { Dataset, Person } from '../../core/model/schemas';
import { distribute } from './distribution';
import { attachments, documents } from './documents';
import { events, reports, schedule } from './events';
import { buildMunicipalities } from './municipalities';
import { NEIGHBOURS } from './neighbours';
import { organisations } from './organisations';
import { buildCurators, CURATOR_IDS_EXTRA, MINISTRY_PEOPLE, SEED_PEOPLE } from './people';
import { roadmapItems } from './roadmap';
import { buildSchools } from './schools';
import { buildTechCards } from './tech-cards';
import { paragraphs } from './texts';

/** Municipalities whose first 2024 ШНОР shows a filled technology card. */
const TECH_CARD_MUNICIPALITIES = ['mo28', 'mo15', 'mo04', 'mo31', 'mo40', 'mo07'] as const;

/** The surname's masculine form, so that an invented «Лебедева» is not taken when «Лебедев» is. */
function masculine(person: Person): string {
  return person.middleName?.endsWith('на') ? person.lastName.replace(/а$/, '') : person.lastName;
}

/**
 * The invented sample region: Chelyabinsk oblast's 43 municipalities, about 250 schools, the
 * seeds' people, roadmap, seminar, webinar schedule and documents. Deterministic: no clock, no
 * Math.random.
 */
export function sampleDataset(): Dataset {
  const known = [...SEED_PEOPLE, ...MINISTRY_PEOPLE];
  const taken = new Set(known.map(masculine));
  const { municipalities, heads } = buildMunicipalities(taken);
  const curators = buildCurators(taken);
  const { schools, schoolLists } = buildSchools();
  const curatorIds = [...CURATOR_IDS_EXTRA, ...curators.map((c) => c.id)];
  const distribution = distribute(2024, schools, schoolLists, curatorIds);
  const cardSchools = TECH_CARD_MUNICIPALITIES.map((m) => {
    const entry = distribution.find((d) => schools.find((s) => s.id === d.schoolId)?.municipalityId === m);
    if (!entry) throw new Error(`no 2024 ШНОР in ${m}`);
    return entry.schoolId;
  });
  return {
    organisations,
    municipalities: municipalities.map((m) => (NEIGHBOURS[m.id] ? { ...m, neighbours: NEIGHBOURS[m.id]!.join(', ') } : m)),
    schools,
    schoolLists,
    people: [...known, ...curators, ...heads],
    roadmapItems,
    events,
    reports,
    schedule,
    distribution,
    techCards: buildTechCards(2024, cardSchools),
    documents,
    paragraphs,
    attachments,
  };
}
