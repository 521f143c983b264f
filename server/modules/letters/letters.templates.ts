import type { LetterKind, LetterLanguage } from '../../../shared/api/letters';

// The letters' wording, as data: per kind × language a title, a subject line, blocks (paragraph,
// heading, list) with {placeholders}, and a closing. A block with `when` is printed only when that
// condition holds for the letter (e.g. which legal basis the lease has, whether an interpreter is
// booked). nb and nn must have the same blocks in the same order (letters.templates.test.ts).
//
// Bodø (requirements R8.5, R8.6): every settled refugee gets a notice and a letter calling them to
// a meeting before the tenancy period runs out — the letter is the start; then a meeting and help
// to find alternatives (private rental, startlån, bostøtte, another municipal dwelling).

export const letterConditions = [
  'basis_hl_9_3',
  'basis_hl_11_1',
  'terminated',
  'has_end_date',
  'no_end_date',
  'interpreter_booked_language',
  'interpreter_booked',
  'interpreter_not_booked',
  'has_phone',
  'has_email',
] as const;
export type LetterCondition = (typeof letterConditions)[number];

export type TemplateBlock =
  /** `tight`: a line that follows the previous paragraph without space between (contact lines). */
  | { kind: 'paragraph'; text: string; when?: LetterCondition; tight?: boolean }
  | { kind: 'heading'; text: string; when?: LetterCondition }
  | { kind: 'list'; items: readonly string[]; when?: LetterCondition };

export type LetterTemplate = {
  title: string;
  subject: string;
  blocks: readonly TemplateBlock[];
  closing: string;
};

/** Words around the body: letterhead and reference labels. */
export const letterLabels: Record<
  LetterLanguage,
  { date: string; ourReference: string; phone: string; email: string }
> = {
  nb: { date: 'Dato', ourReference: 'Vår referanse', phone: 'Telefon', email: 'E-post' },
  nn: { date: 'Dato', ourReference: 'Vår referanse', phone: 'Telefon', email: 'E-post' },
};

const p = (text: string, when?: LetterCondition): TemplateBlock => ({
  kind: 'paragraph',
  text,
  ...(when ? { when } : {}),
});
const line = (text: string, when?: LetterCondition): TemplateBlock => ({
  kind: 'paragraph',
  text,
  tight: true,
  ...(when ? { when } : {}),
});
const h = (text: string, when?: LetterCondition): TemplateBlock => ({
  kind: 'heading',
  text,
  ...(when ? { when } : {}),
});
const ul = (items: readonly string[], when?: LetterCondition): TemplateBlock => ({
  kind: 'list',
  items,
  ...(when ? { when } : {}),
});

export const letterTemplates: Record<LetterKind, Record<LetterLanguage, LetterTemplate>> = {
  lease_end_notice: {
    nb: {
      title: 'Varsel om at leieperioden går ut',
      subject: 'Leiekontrakt {leaseReference}, {address}',
      blocks: [
        p(
          'Du leier boligen i {address} av {sender}. Leieperioden i kontrakten din går ut {endDate}. ' +
            'Dette brevet er et varsel om det, slik at du har god tid til å planlegge veien videre.',
        ),
        p(
          'Kontrakten er tidsbestemt etter husleieloven § 9-3. Den gjelder til {endDate} og blir ikke forlenget automatisk.',
          'basis_hl_9_3',
        ),
        p(
          'Kontrakten er tidsbestemt etter husleieloven § 11-1 (bolig som kommunen leier ut til vanskeligstilte). ' +
            'Den gjelder til {endDate} og blir ikke forlenget automatisk.',
          'basis_hl_11_1',
        ),
        p('Leieforholdet er sagt opp og opphører {endDate}.', 'terminated'),
        h('Hva skjer nå?'),
        p(
          'Før leieperioden går ut, skal vi sammen med deg vurdere hvilket behov du har for bolig videre (behovsvurdering). ' +
            'Vi ser blant annet på husstanden, økonomien din og ønskene dine. Mulighetene kan være:',
        ),
        ul([
          'å leie en bolig på det private leiemarkedet, med hjelp fra oss til å finne bolig',
          'å kjøpe egen bolig med startlån',
          'bostøtte fra Husbanken, som kan hjelpe deg å betale boutgiftene',
          'en annen kommunal bolig, dersom du fortsatt har behov for det',
        ]),
        p(
          'Du får et eget brev med innkalling til en samtale om veien videre. ' +
            'Der går vi gjennom mulighetene sammen, og du kan få tolk om du trenger det.',
        ),
        h('Har du spørsmål?'),
        p('Kontaktperson: {contactName}, {contactUnit}.'),
        line('Telefon: {phone}', 'has_phone'),
        line('E-post: {email}', 'has_email'),
      ],
      closing: 'Med vennlig hilsen',
    },
    nn: {
      title: 'Varsel om at leigeperioden går ut',
      subject: 'Leigekontrakt {leaseReference}, {address}',
      blocks: [
        p(
          'Du leiger bustaden i {address} av {sender}. Leigeperioden i kontrakten din går ut {endDate}. ' +
            'Dette brevet er eit varsel om det, slik at du har god tid til å planleggje vegen vidare.',
        ),
        p(
          'Kontrakten er tidsbestemd etter husleigelova § 9-3. Han gjeld fram til {endDate} og blir ikkje forlengd automatisk.',
          'basis_hl_9_3',
        ),
        p(
          'Kontrakten er tidsbestemd etter husleigelova § 11-1 (bustad som kommunen leiger ut til vanskelegstilte). ' +
            'Han gjeld fram til {endDate} og blir ikkje forlengd automatisk.',
          'basis_hl_11_1',
        ),
        p('Leigeforholdet er sagt opp og tek slutt {endDate}.', 'terminated'),
        h('Kva skjer no?'),
        p(
          'Før leigeperioden går ut, skal vi saman med deg vurdere kva behov du har for bustad vidare (behovsvurdering). ' +
            'Vi ser mellom anna på hushaldet, økonomien din og ønska dine. Moglegheitene kan vere:',
        ),
        ul([
          'å leige ein bustad på den private leigemarknaden, med hjelp frå oss til å finne bustad',
          'å kjøpe eigen bustad med startlån',
          'bustøtte frå Husbanken, som kan hjelpe deg å betale buutgiftene',
          'ein annan kommunal bustad, dersom du framleis har behov for det',
        ]),
        p(
          'Du får eit eige brev med innkalling til ein samtale om vegen vidare. ' +
            'Der går vi gjennom moglegheitene saman, og du kan få tolk om du treng det.',
        ),
        h('Har du spørsmål?'),
        p('Kontaktperson: {contactName}, {contactUnit}.'),
        line('Telefon: {phone}', 'has_phone'),
        line('E-post: {email}', 'has_email'),
      ],
      closing: 'Med venleg helsing',
    },
  },
  next_steps_meeting: {
    nb: {
      title: 'Innkalling til samtale om veien videre',
      subject: 'Leiekontrakt {leaseReference}, {address}',
      blocks: [
        p('Du leier boligen i {address} av {sender}. Leieperioden går ut {endDate}.', 'has_end_date'),
        p('Du leier boligen i {address} av {sender}.', 'no_end_date'),
        p(
          'Vi vil gjerne snakke med deg om hvor du skal bo videre, og om hvordan vi kan hjelpe deg. ' +
            'Derfor kaller vi deg inn til en samtale.',
        ),
        h('Tid og sted'),
        ul(['Dato: {meetingDate}', 'Klokkeslett: {meetingTime}', 'Sted: {meetingPlace}']),
        p('Passer ikke tidspunktet, ta kontakt med oss, så finner vi et nytt.'),
        h('Tolk'),
        p(
          'Vi har bestilt tolk på {interpreterLanguage} til samtalen. Tolken har taushetsplikt.',
          'interpreter_booked_language',
        ),
        p('Vi har bestilt tolk til samtalen. Tolken har taushetsplikt.', 'interpreter_booked'),
        p(
          'Trenger du tolk, gi oss beskjed så snart som mulig, så bestiller vi det. ' +
            'Det er gratis for deg, og tolken har taushetsplikt.',
          'interpreter_not_booked',
        ),
        h('Ta med deg'),
        ul([
          'dokumentasjon på inntekt, for eksempel lønnsslipper eller vedtak om introduksjonsstønad eller andre ytelser',
          'siste vedtak om bostøtte, hvis du har det',
          'oversikt over gjeld og faste utgifter',
          'leiekontrakten din',
          'legitimasjon',
        ]),
        h('Hva skjer i samtalen?'),
        p(
          'Vi går gjennom situasjonen din og vurderer behovet ditt for bolig videre. Vi snakker om mulighetene du har, ' +
            'for eksempel å leie privat, startlån til å kjøpe egen bolig, bostøtte eller en annen kommunal bolig. ' +
            'Sammen lager vi en plan for veien videre, og vi hjelper deg med å finne et alternativ.',
        ),
        h('Har du spørsmål?'),
        p('Kontaktperson: {contactName}, {contactUnit}.'),
        line('Telefon: {phone}', 'has_phone'),
        line('E-post: {email}', 'has_email'),
      ],
      closing: 'Med vennlig hilsen',
    },
    nn: {
      title: 'Innkalling til samtale om vegen vidare',
      subject: 'Leigekontrakt {leaseReference}, {address}',
      blocks: [
        p('Du leiger bustaden i {address} av {sender}. Leigeperioden går ut {endDate}.', 'has_end_date'),
        p('Du leiger bustaden i {address} av {sender}.', 'no_end_date'),
        p(
          'Vi vil gjerne snakke med deg om kvar du skal bu vidare, og om korleis vi kan hjelpe deg. ' +
            'Difor kallar vi deg inn til ein samtale.',
        ),
        h('Tid og stad'),
        ul(['Dato: {meetingDate}', 'Klokkeslett: {meetingTime}', 'Stad: {meetingPlace}']),
        p('Passar ikkje tidspunktet, ta kontakt med oss, så finn vi eit nytt.'),
        h('Tolk'),
        p(
          'Vi har bestilt tolk på {interpreterLanguage} til samtalen. Tolken har teieplikt.',
          'interpreter_booked_language',
        ),
        p('Vi har bestilt tolk til samtalen. Tolken har teieplikt.', 'interpreter_booked'),
        p(
          'Treng du tolk, gi oss beskjed så snart som mogleg, så bestiller vi det. ' +
            'Det er gratis for deg, og tolken har teieplikt.',
          'interpreter_not_booked',
        ),
        h('Ta med deg'),
        ul([
          'dokumentasjon på inntekt, til dømes lønnsslippar eller vedtak om introduksjonsstønad eller andre ytingar',
          'siste vedtak om bustøtte, om du har det',
          'oversikt over gjeld og faste utgifter',
          'leigekontrakten din',
          'legitimasjon',
        ]),
        h('Kva skjer i samtalen?'),
        p(
          'Vi går gjennom situasjonen din og vurderer behovet ditt for bustad vidare. Vi snakkar om moglegheitene du har, ' +
            'til dømes å leige privat, startlån til å kjøpe eigen bustad, bustøtte eller ein annan kommunal bustad. ' +
            'Saman lagar vi ein plan for vegen vidare, og vi hjelper deg med å finne eit alternativ.',
        ),
        h('Har du spørsmål?'),
        p('Kontaktperson: {contactName}, {contactUnit}.'),
        line('Telefon: {phone}', 'has_phone'),
        line('E-post: {email}', 'has_email'),
      ],
      closing: 'Med venleg helsing',
    },
  },
};

/** The values a letter's placeholders are filled with (already formatted for print). */
export type LetterValues = Readonly<Record<string, string>>;

/** `{name}` → value. A placeholder without a value is a bug in the caller: fail loudly. */
export function fill(text: string, values: LetterValues): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`letter placeholder without a value: ${name}`);
    return value;
  });
}

/** Every placeholder named in a template (for tests and for checking the values are complete). */
export function placeholders(template: LetterTemplate): Set<string> {
  const texts = [
    template.title,
    template.subject,
    template.closing,
    ...template.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text])),
  ];
  return new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
}

export type ResolvedLetter = {
  title: string;
  subject: string;
  blocks: (
    | { kind: 'paragraph'; text: string; tight?: boolean }
    | { kind: 'heading'; text: string }
    | { kind: 'list'; items: string[] }
  )[];
  closing: string;
};

/** The template with its conditions decided and its placeholders filled: what goes on paper. */
export function resolveLetter(
  template: LetterTemplate,
  conditions: ReadonlySet<LetterCondition>,
  values: LetterValues,
): ResolvedLetter {
  const shown = template.blocks.filter((block) => !block.when || conditions.has(block.when));
  return {
    title: fill(template.title, values),
    subject: fill(template.subject, values),
    blocks: shown.map((block) => {
      if (block.kind === 'list') return { kind: 'list', items: block.items.map((item) => fill(item, values)) };
      if (block.kind === 'heading') return { kind: 'heading', text: fill(block.text, values) };
      return { kind: 'paragraph', text: fill(block.text, values), ...(block.tight ? { tight: true } : {}) };
    }),
    closing: fill(template.closing, values),
  };
}
