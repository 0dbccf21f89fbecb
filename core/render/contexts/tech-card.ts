import { SUPPORT_LEVEL_TITLES, TECH_CARD_PROBLEMS } from '../../model/tech-card';
import type { KaskadDocument, School } from '../../model/schemas';
import { organisationContext } from './common';
import type { DatasetIndex } from './dataset-index';

/** The print version of a school's technology card: all ten problems, the chosen ones filled in. */
export function techCardContext(index: DatasetIndex, doc: KaskadDocument, school: School) {
  const year = doc.year;
  const entries = index.techCards.get(`${school.id}|${year}`) ?? [];
  const chosen = new Map(entries.map((e) => [e.problem, e]));
  const problems = TECH_CARD_PROBLEMS.map((p) => {
    const e = chosen.get(p.no);
    return {
      no: String(p.no),
      title: p.title,
      detail: e?.detail ? `: ${e.detail}` : '',
      priority: e ? String(e.priority) : '',
      school: e?.school ?? '',
      municipality: e?.municipality ?? '',
      institute: e?.institute ?? '',
      ministry: e?.ministry ?? '',
      resourceCentres: e?.resourceCentres ?? '',
      others: e?.others ?? '',
    };
  });
  const modules = [
    ...new Set(
      entries
        .sort((a, b) => a.priority - b.priority)
        .map((e) => TECH_CARD_PROBLEMS.find((p) => p.no === e.problem)?.module)
        .filter((m): m is string => Boolean(m)),
    ),
  ];
  const [schoolLevel, municipality, , ministry, resourceCentres, others] = SUPPORT_LEVEL_TITLES;
  return {
    // «На уровне {org.instituteGenitive}»: the institute's column is named by the organisation's profile.
    org: organisationContext(index.organisations.get(doc.organisationId)),
    year,
    school: { name: school.name, municipality: index.municipalities.get(school.municipalityId)?.name ?? '' },
    levels: { school: schoolLevel, municipality, ministry, resourceCentres, others },
    problems,
    modules: modules.map((m) => `«${m}»`).join(', ') || '—',
  };
}
