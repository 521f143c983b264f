import type { PersonExportDto } from '../../../shared/api/persons';
import { fontName, scriptFor } from '../../fonts/fonts';
import { createPdfDocument } from '../../fonts/pdf-document';

// The data-subject export (GDPR art. 15) as a readable PDF in bokmål: the same content as the
// JSON export, section by section, "label: value". Latin, Arabic and Ethiopic fonts are registered
// (server/fonts) and every value is set in the font of its script, so names print as written.

const MARGIN = 50;
const LABEL_WIDTH = 165;

const sectionTitles = {
  person: 'Personopplysninger',
  languages: 'Språk',
  identityHistory: 'Endringer i identitetsnummer',
  specialCategories: 'Særlige kategorier (helse, funksjon, tilrettelegging)',
  households: 'Husstand og bosettingsforløp',
  leases: 'Leiekontrakter',
  tasks: 'Oppgaver',
  accessLog: 'Logg over oppslag',
} as const;

const personLabels: Record<string, string> = {
  id: 'Id i Husly',
  fullName: 'Navn',
  transliteration: 'Navn med latinske bokstaver',
  birthDate: 'Fødselsdato',
  birthDatePrecision: 'Fødselsdato er',
  identityNumber: 'Fødselsnummer / D-nummer',
  dufNumber: 'DUF-nummer',
  nationality: 'Statsborgerskap',
  refugeeCategory: 'Kategori',
  residencePermitDate: 'Oppholdstillatelse gitt',
  receptionCentre: 'Mottak',
  arrivalDate: 'Ankomst',
  settlementDate: 'Bosatt',
  introProgramme: 'Introduksjonsprogram',
  introProgrammeStart: 'Introduksjonsprogram start',
  introProgrammeEnd: 'Introduksjonsprogram slutt',
  anonymisedAt: 'Anonymisert',
  createdAt: 'Registrert',
  updatedAt: 'Sist endret',
};

const osloDateTime = new Intl.DateTimeFormat('nb-NO', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Oslo',
});

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return osloDateTime.format(new Date(value));
    return value;
  }
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function renderPersonExportPdf(data: PersonExportDto, now: Date): Promise<Buffer> {
  const title = 'Innsyn: opplysninger Husly har lagret om deg';
  const { doc, done } = createPdfDocument({
    margin: MARGIN,
    lang: 'nb',
    info: { Title: title, Author: `${data.municipality.name} kommune` },
    createdAt: now,
  });
  const width = doc.page.width - 2 * MARGIN;
  const valueWidth = width - LABEL_WIDTH - 8;

  const heading = (text: string) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc
      .moveDown(0.8)
      .font(fontName('latin', 'bold'))
      .fontSize(12.5)
      .fillColor('black')
      .text(text, MARGIN, undefined, { width });
    doc.moveDown(0.3);
  };
  const subheading = (text: string) => {
    doc
      .moveDown(0.4)
      .font(fontName(scriptFor(text), 'bold'))
      .fontSize(10.5)
      .text(text, MARGIN, undefined, { width });
  };
  const line = (label: string, value: unknown) => {
    const text = formatValue(value);
    const font = fontName(scriptFor(text));
    doc.fontSize(9.5);
    const height = Math.max(
      doc.font(font).heightOfString(text, { width: valueWidth }),
      doc.font('latin').heightOfString(label, { width: LABEL_WIDTH }),
    );
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    doc.font('latin').fillColor('#444444').text(label, MARGIN, top, { width: LABEL_WIDTH });
    doc
      .font(font)
      .fillColor('black')
      .text(text, MARGIN + LABEL_WIDTH + 8, top, { width: valueWidth });
    doc.x = MARGIN;
    doc.y = top + height + 2;
  };
  const none = () =>
    doc.font('latin').fontSize(9.5).fillColor('#444444').text('Ingen opplysninger.', MARGIN, undefined, { width });

  doc.font(fontName('latin', 'bold')).fontSize(17).text(title, MARGIN, MARGIN, { width });
  doc
    .moveDown(0.4)
    .font('latin')
    .fontSize(9.5)
    .text(
      `${data.municipality.name} kommune (${data.municipality.kommunenummer}). Utskrift ${osloDateTime.format(new Date(data.exportedAt))}. ` +
        'Dette er alt kommunen har registrert om deg i Husly (personvernforordningen artikkel 15).',
      { width },
    );

  heading(sectionTitles.person);
  for (const [key, value] of Object.entries(data.person)) line(personLabels[key] ?? key, value);

  heading(sectionTitles.languages);
  if (data.languages.length === 0) none();
  for (const l of data.languages) {
    line(
      l.code,
      `${l.interpreterNeeded ? 'Trenger tolk' : 'Trenger ikke tolk'}${l.preferredForLetters ? ', språk for brev' : ''}`,
    );
  }

  heading(sectionTitles.identityHistory);
  if (data.identityHistory.length === 0) none();
  for (const e of data.identityHistory) {
    line(
      formatValue(e.changedAt),
      `${e.field === 'identity_number' ? 'Fødselsnummer / D-nummer' : 'DUF-nummer'}: ${e.oldValue ?? '–'} → ${e.newValue ?? '–'}${e.reason ? ` (${e.reason})` : ''}`,
    );
  }

  heading(sectionTitles.specialCategories);
  if (data.specialCategories.length === 0) none();
  for (const r of data.specialCategories) {
    subheading(r.category);
    line('Opplysning', r.details);
    line('Rettslig grunnlag', r.legalBasisNote ? `${r.legalBasis} (${r.legalBasisNote})` : r.legalBasis);
    if (r.consentGivenOn) line('Samtykke gitt', r.consentGivenOn);
    line('Registrert', r.recordedAt);
  }

  heading(sectionTitles.households);
  if (data.households.length === 0) none();
  for (const h of data.households) {
    subheading(String(h.reference ?? ''));
    for (const [key, value] of Object.entries(h)) {
      if (key === 'pipelineHistory' || key === 'reference') continue;
      line(key, value);
    }
    const history = Array.isArray(h.pipelineHistory) ? (h.pipelineHistory as Record<string, unknown>[]) : [];
    for (const e of history)
      line(
        formatValue(e.effectiveOn),
        `${formatValue(e.fromState)} → ${formatValue(e.toState)}${e.reason ? `: ${formatValue(e.reason)}` : ''}`,
      );
  }

  heading(sectionTitles.leases);
  if (data.leases.length === 0) none();
  for (const lease of data.leases) {
    subheading(String(lease.reference ?? ''));
    for (const [key, value] of Object.entries(lease)) if (key !== 'reference') line(key, value);
  }

  heading(sectionTitles.tasks);
  if (data.tasks.length === 0) none();
  for (const task of data.tasks)
    line(formatValue(task.dueOn), `${formatValue(task.title)} (${formatValue(task.state)})`);

  heading(sectionTitles.accessLog);
  if (data.accessLog.length === 0) none();
  for (const e of data.accessLog)
    line(formatValue(e.occurredAt), `${e.action}, ${e.purpose}, ${e.actorRoles.join(', ') || 'Husly (automatisk)'}`);

  doc.end();
  return done;
}
