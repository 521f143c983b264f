import type { Contribution } from '../../../../shared/api/allocation';
import type { SoftCriterionCode } from '../../../../shared/domain/allocation-criteria';
import { formatDate, formatMoneyOre } from '../../../../shared/i18n';
import type { LetterBlock } from './allocation-letter.pdf';
import type { LetterContent } from './offer-letter';

// The allocation decision letter (enkeltvedtak, issue 6 item 6) in bokmål and nynorsk. What the
// law asks of it (forvaltningsloven, LOV-1967-02-10):
//   § 24–25  reasons: the rules applied (the criteria version and what each criterion gave) and
//            the assessment the office made;
//   § 27     the letter tells of the right to appeal, the deadline, where to send the appeal and
//            the right to see the case documents;
//   § 28–29  appeal within three weeks from the day the notice REACHED the party — so the letter
//            gives the date counted from its own date and says the period runs from receipt;
//   § 33     the office that decided may reverse the decision; otherwise it forwards the appeal to
//            the appeal body;
//   § 18     the right to see the case documents;
//   § 42     the right to ask for implementation to be postponed until the appeal is decided.

export type DecisionLetterData = {
  form: 'nb' | 'nn';
  outcome: 'allocated' | 'rejected';
  decisionReference: string;
  householdReference: string;
  decidedOn: string;
  dwelling: { reference: string; address: string } | null;
  lease: { reference: string; startDate: string; rentOre: number } | null;
  criteriaVersion: number;
  contributions: Contribution[];
  score: number | null;
  assessment: string;
  appealDeadline: string;
  appeal: { office: string; address: string; body: string };
};

const criteriaNb: Record<SoftCriterionCode | 'base', string> = {
  base: 'Grunnpoeng for å få bolig',
  school: 'Nær skole',
  kindergarten: 'Nær barnehage',
  intro_site: 'Nær stedet for introduksjonsprogrammet',
  centre_transport: 'Nær sentrum eller kollektivtransport',
  preferred_area: 'Ønsket område eller nær nettverk',
  floor_lift: 'Etasje eller heis for eldre',
  size_fit: 'Passe størrelse',
  urgency: 'Ventetid siden vedtak om opphold',
  same_language_shared: 'Samme språk i bofellesskap',
};

const criteriaNn: Record<SoftCriterionCode | 'base', string> = {
  base: 'Grunnpoeng for å få bustad',
  school: 'Nær skule',
  kindergarten: 'Nær barnehage',
  intro_site: 'Nær staden for introduksjonsprogrammet',
  centre_transport: 'Nær sentrum eller kollektivtransport',
  preferred_area: 'Ønskt område eller nær nettverk',
  floor_lift: 'Etasje eller heis for eldre',
  size_fit: 'Høveleg storleik',
  urgency: 'Ventetid sidan vedtak om opphald',
  same_language_shared: 'Same språk i bufellesskap',
};

const texts = {
  nb: {
    title: { allocated: 'Vedtak om tildeling av kommunal bolig', rejected: 'Vedtak om avslag på kommunal bolig' },
    subject: (ref: string, h: string) => `Vedtak ${ref} – husstand ${h}`,
    allocated: (address: string, ref: string) => `Kommunen har vedtatt å tildele husstanden din boligen i ${address} (bolig ${ref}).`,
    lease: (ref: string, start: string, rent: string) =>
      `Leieforholdet begynner ${start}. Husleien er ${rent} per måned. Leiekontrakten har nummer ${ref}.`,
    rejected: 'Kommunen har vedtatt å avslå tildeling av kommunal bolig til husstanden din nå.',
    assessedHeading: 'Hva vi har vurdert',
    criteria: (v: number) =>
      `Vi har vurdert saken etter kommunens tildelingskriterier, versjon ${v}. Kriteriene gjelder blant annet størrelse, tilgjengelighet, husleie, avstand til skole, barnehage og introduksjonsprogram, og ventetid.`,
    points: 'Boligen passet husstanden slik etter kriteriene (poeng):',
    point: (label: string, points: number) => `${label}: ${points} poeng`,
    sum: (score: number) => `Sum: ${score} poeng`,
    reasonsHeading: 'Begrunnelse',
    appealHeading: 'Du har rett til å klage',
    appeal: (deadline: string) =>
      `Du kan klage på vedtaket. Klagefristen er tre uker fra den dagen du fikk dette brevet (forvaltningsloven §§ 28 og 29). Regnet fra brevets dato går fristen ut ${deadline}; fikk du brevet senere, regnes de tre ukene fra den dagen du fikk det.`,
    where: (office: string, address: string) =>
      `Send klagen til ${office}, ${address}. Skriv hvilket vedtak du klager på (se referansen øverst), hva du vil ha endret og hvorfor, og skriv under. Vi kan hjelpe deg med å skrive klagen.`,
    review: (office: string, body: string) =>
      `${office} vurderer klagen først og kan endre vedtaket selv. Hvis vedtaket ikke blir endret, sender vi klagen videre til ${body}, som avgjør saken (forvaltningsloven § 33).`,
    rightsHeading: 'Andre rettigheter',
    documents: 'Du har rett til å se dokumentene i saken din (forvaltningsloven § 18).',
    postpone:
      'Du kan be om at vedtaket ikke blir satt i verk før klagen er avgjort (utsatt iverksetting, forvaltningsloven § 42).',
    interpreter: 'Du kan be om tolk når du snakker med oss om saken. Det er gratis.',
    closing: 'Med vennlig hilsen',
  },
  nn: {
    title: { allocated: 'Vedtak om tildeling av kommunal bustad', rejected: 'Vedtak om avslag på kommunal bustad' },
    subject: (ref: string, h: string) => `Vedtak ${ref} – hushald ${h}`,
    allocated: (address: string, ref: string) => `Kommunen har vedteke å tildele hushaldet ditt bustaden i ${address} (bustad ${ref}).`,
    lease: (ref: string, start: string, rent: string) =>
      `Leigeforholdet byrjar ${start}. Husleiga er ${rent} per månad. Leigekontrakten har nummer ${ref}.`,
    rejected: 'Kommunen har vedteke å avslå tildeling av kommunal bustad til hushaldet ditt no.',
    assessedHeading: 'Kva vi har vurdert',
    criteria: (v: number) =>
      `Vi har vurdert saka etter tildelingskriteria til kommunen, versjon ${v}. Kriteria gjeld mellom anna storleik, tilgjenge, husleige, avstand til skule, barnehage og introduksjonsprogram, og ventetid.`,
    points: 'Bustaden passa hushaldet slik etter kriteria (poeng):',
    point: (label: string, points: number) => `${label}: ${points} poeng`,
    sum: (score: number) => `Sum: ${score} poeng`,
    reasonsHeading: 'Grunngiving',
    appealHeading: 'Du har rett til å klage',
    appeal: (deadline: string) =>
      `Du kan klage på vedtaket. Klagefristen er tre veker frå den dagen du fekk dette brevet (forvaltningslova §§ 28 og 29). Rekna frå datoen på brevet går fristen ut ${deadline}; fekk du brevet seinare, blir dei tre vekene rekna frå den dagen du fekk det.`,
    where: (office: string, address: string) =>
      `Send klaga til ${office}, ${address}. Skriv kva vedtak du klagar på (sjå referansen øvst), kva du vil ha endra og kvifor, og skriv under. Vi kan hjelpe deg med å skrive klaga.`,
    review: (office: string, body: string) =>
      `${office} vurderer klaga først og kan endre vedtaket sjølv. Dersom vedtaket ikkje blir endra, sender vi klaga vidare til ${body}, som avgjer saka (forvaltningslova § 33).`,
    rightsHeading: 'Andre rettar',
    documents: 'Du har rett til å sjå dokumenta i saka di (forvaltningslova § 18).',
    postpone:
      'Du kan be om at vedtaket ikkje blir sett i verk før klaga er avgjord (utsett iverksetjing, forvaltningslova § 42).',
    interpreter: 'Du kan be om tolk når du snakkar med oss om saka. Det er gratis.',
    closing: 'Med venleg helsing',
  },
} as const;

export function decisionLetterContent(data: DecisionLetterData): LetterContent {
  const t = texts[data.form];
  const labels = data.form === 'nb' ? criteriaNb : criteriaNn;
  const blocks: LetterBlock[] = [];
  if (data.outcome === 'allocated' && data.dwelling) {
    blocks.push({ kind: 'paragraph', text: t.allocated(data.dwelling.address, data.dwelling.reference) });
    if (data.lease) {
      blocks.push({
        kind: 'paragraph',
        text: t.lease(data.lease.reference, formatDate(data.lease.startDate), formatMoneyOre(data.lease.rentOre)),
      });
    }
  } else {
    blocks.push({ kind: 'paragraph', text: t.rejected });
  }
  blocks.push({ kind: 'heading', text: t.assessedHeading }, { kind: 'paragraph', text: t.criteria(data.criteriaVersion) });
  const contributions = data.contributions.filter((c) => c.points !== 0);
  if (contributions.length > 0) {
    blocks.push({ kind: 'paragraph', text: t.points });
    const items = contributions.map((c) => t.point(labels[c.criterion], c.points));
    if (data.score !== null) items.push(t.sum(data.score));
    blocks.push({ kind: 'list', items });
  }
  blocks.push({ kind: 'heading', text: t.reasonsHeading });
  for (const paragraph of data.assessment.split(/\n\s*\n/)) {
    if (paragraph.trim()) blocks.push({ kind: 'paragraph', text: paragraph.trim() });
  }
  blocks.push(
    { kind: 'heading', text: t.appealHeading },
    { kind: 'paragraph', text: t.appeal(formatDate(data.appealDeadline)) },
    { kind: 'paragraph', text: t.where(data.appeal.office, data.appeal.address) },
    { kind: 'paragraph', text: t.review(data.appeal.office, data.appeal.body) },
    { kind: 'heading', text: t.rightsHeading },
    { kind: 'list', items: [t.documents, t.postpone, t.interpreter] },
  );
  return {
    title: t.title[data.outcome],
    subject: t.subject(data.decisionReference, data.householdReference),
    blocks,
    closing: t.closing,
    summary: null,
  };
}
