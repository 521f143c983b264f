import type { DwellingType } from '../../../../shared/domain/dwelling-rules';
import { formatDate, formatMoneyOre } from '../../../../shared/i18n';
import { nb as dwellingsNb, nn as dwellingsNn } from '../../../../shared/i18n/sections/dwellings';
import { isolateLtr } from '../../contact-card/contact-card.layout';
import type { LetterBlock, LetterSummary } from './allocation-letter.pdf';
import { offerSummaryTranslations } from './offer-summary.translations';

// The offer letter's text (issue 6 item 5) in bokmål and nynorsk: the dwelling (address, type,
// bedrooms, rent, available date), the answer deadline, how to answer and whom to contact, and what
// a refusal means — stated neutrally, with the offer of a conversation (requirements R5.4–R5.5:
// usually one offer; dialogue rather than threats). An offer is not a decision: the decision
// (enkeltvedtak) with the right to appeal follows when the household has accepted.

export type OfferLetterData = {
  form: 'nb' | 'nn';
  householdReference: string;
  dwellingReference: string;
  street: string;
  postalLine: string;
  dwellingType: DwellingType;
  bedrooms: number;
  rentOre: number | null;
  /** Calendar date, or null when available now. */
  availableFrom: string | null;
  answerDue: string;
  letterDate: string;
  contact: { name: string; unit: string; phone: string; email: string };
  summaryLanguage: string | null;
};

export type LetterContent = {
  title: string;
  subject: string;
  blocks: LetterBlock[];
  closing: string;
  summary: LetterSummary | null;
};

export const letterLabels = {
  nb: { date: 'Dato', ourReference: 'Vår referanse', phone: 'Telefon', email: 'E-post' },
  nn: { date: 'Dato', ourReference: 'Vår referanse', phone: 'Telefon', email: 'E-post' },
} as const;

const texts = {
  nb: {
    title: 'Tilbud om bolig',
    subject: (h: string, d: string) => `Husstand ${h} – bolig ${d}`,
    intro: 'Kommunen tilbyr husstanden din å leie boligen nedenfor.',
    address: 'Adresse',
    type: 'Boligtype',
    bedrooms: 'Soverom',
    rent: 'Husleie per måned',
    rentUnknown: 'Avtales i leiekontrakten',
    available: 'Ledig fra',
    availableNow: 'Nå',
    answerDue: 'Svarfrist',
    answerHeading: 'Slik svarer du',
    answer: (due: string) =>
      `Gi oss svar innen ${due}, enten du vil ta imot boligen eller ikke. Du kan svare muntlig eller skriftlig til kontaktpersonen nedenfor, og du kan spørre om alt som er uklart. Du kan be om tolk; det er gratis.`,
    contactHeading: 'Kontaktperson',
    refusalHeading: 'Hvis du ikke vil ta imot tilbudet',
    refusal:
      'Kommunen gir vanligvis ett tilbud om bolig. Hvis du vil takke nei, ber vi deg fortelle oss hvorfor. Vi tar en samtale med deg om hva et nei kan bety for deg og hva som skjer videre.',
    notDecision:
      'Tilbudet er ikke et vedtak. Når du har takket ja, fatter kommunen vedtak om tildeling. Det får du som eget brev, med informasjon om retten til å klage.',
    closing: 'Med vennlig hilsen',
  },
  nn: {
    title: 'Tilbod om bustad',
    subject: (h: string, d: string) => `Hushald ${h} – bustad ${d}`,
    intro: 'Kommunen tilbyr hushaldet ditt å leige bustaden nedanfor.',
    address: 'Adresse',
    type: 'Bustadtype',
    bedrooms: 'Soverom',
    rent: 'Husleige per månad',
    rentUnknown: 'Blir avtalt i leigekontrakten',
    available: 'Ledig frå',
    availableNow: 'No',
    answerDue: 'Svarfrist',
    answerHeading: 'Slik svarar du',
    answer: (due: string) =>
      `Gi oss svar innan ${due}, anten du vil ta imot bustaden eller ikkje. Du kan svare munnleg eller skriftleg til kontaktpersonen nedanfor, og du kan spørje om alt som er uklart. Du kan be om tolk; det er gratis.`,
    contactHeading: 'Kontaktperson',
    refusalHeading: 'Dersom du ikkje vil ta imot tilbodet',
    refusal:
      'Kommunen gir vanlegvis eitt tilbod om bustad. Dersom du vil takke nei, ber vi deg fortelje oss kvifor. Vi tek ein samtale med deg om kva eit nei kan bety for deg og kva som skjer vidare.',
    notDecision:
      'Tilbodet er ikkje eit vedtak. Når du har takka ja, gjer kommunen vedtak om tildeling. Det får du som eige brev, med informasjon om retten til å klage.',
    closing: 'Med venleg helsing',
  },
} as const;

/** `9 500,00 kr` as nb-NO writes it. */
function kroner(ore: number): string {
  return formatMoneyOre(ore);
}

export function offerLetterContent(data: OfferLetterData): LetterContent {
  const t = texts[data.form];
  const types = data.form === 'nb' ? dwellingsNb.types : dwellingsNn.types;
  const address = [data.street, data.postalLine].filter(Boolean).join(', ');
  const rent = data.rentOre === null ? t.rentUnknown : kroner(data.rentOre);
  const available = data.availableFrom && data.availableFrom > data.letterDate ? formatDate(data.availableFrom) : t.availableNow;
  const due = formatDate(data.answerDue);
  const contactLines = [
    data.contact.name,
    data.contact.unit,
    data.contact.phone ? `Telefon: ${data.contact.phone}` : '',
    data.contact.email ? `E-post: ${data.contact.email}` : '',
  ].filter(Boolean);
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: t.intro },
    {
      kind: 'facts',
      rows: [
        [t.address, address],
        [t.type, types[data.dwellingType]],
        [t.bedrooms, String(data.bedrooms)],
        [t.rent, rent],
        [t.available, available],
        [t.answerDue, due],
      ],
    },
    { kind: 'heading', text: t.answerHeading },
    { kind: 'paragraph', text: t.answer(due) },
    { kind: 'heading', text: t.contactHeading },
    { kind: 'list', items: contactLines },
    { kind: 'heading', text: t.refusalHeading },
    { kind: 'paragraph', text: t.refusal },
    { kind: 'paragraph', text: t.notDecision },
  ];

  let summary: LetterSummary | null = null;
  const s = data.summaryLanguage ? offerSummaryTranslations.get(data.summaryLanguage) : undefined;
  if (s) {
    // Values are data in Latin script: isolated so they keep their order inside right-to-left text.
    const value = (text: string) => (s.direction === 'rtl' ? isolateLtr(text) : text);
    const availableValue = data.availableFrom && data.availableFrom > data.letterDate ? formatDate(data.availableFrom) : formatDate(data.letterDate);
    summary = {
      bcp47: s.bcp47,
      direction: s.direction,
      heading: s.heading,
      paragraphs: [s.intro, s.answer, s.refusal, s.official],
      facts: [
        [s.labels.address, value(address)],
        [s.labels.bedrooms, value(String(data.bedrooms))],
        ...(data.rentOre === null ? [] : [[s.labels.rent, value(rent)] as [string, string]]),
        [s.labels.availableFrom, value(availableValue)],
        [s.labels.answerDue, value(due)],
        [s.labels.contact, value([data.contact.name, data.contact.phone].filter(Boolean).join(', '))],
      ],
    };
  }
  return {
    title: t.title,
    subject: t.subject(data.householdReference, data.dwellingReference),
    blocks,
    closing: t.closing,
    summary,
  };
}
