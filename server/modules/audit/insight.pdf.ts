import PDFDocument from 'pdfkit';
import type { InsightResponse } from '../../../shared/api/audit';
import { fontFiles } from '../../fonts/fonts';
import { pdfBytes } from '../../fonts/pdf-document';

// The insight report as PDF, in the municipality's written language (bokmål or nynorsk).
// DejaVu Sans (the Latin font of server/fonts) is embedded so names in Latin and Cyrillic script
// print as written.

const texts = {
  nb: {
    title: 'Innsyn i logg over oppslag',
    intro: (name: string, municipality: string) =>
      `Denne rapporten viser når ansatte i ${municipality} kommune har åpnet eller endret opplysninger om ${name}, og hvorfor.`,
    period: 'Periode',
    generated: 'Laget',
    columns: ['Dato og tid', 'Enhet', 'Rolle', 'Handling', 'Formål'],
    employee: 'Ansatt',
    none: 'Ingen oppslag i perioden.',
    names: 'Navn på ansatte oppgis ikke. Du har rett til å vite tidspunkt og formål for oppslagene (EU-domstolen, sak C-579/21). Kontakt kommunen om du trenger å vite hvem som gjorde et bestemt oppslag.',
  },
  nn: {
    title: 'Innsyn i logg over oppslag',
    intro: (name: string, municipality: string) =>
      `Denne rapporten viser når tilsette i ${municipality} kommune har opna eller endra opplysningar om ${name}, og kvifor.`,
    period: 'Periode',
    generated: 'Laga',
    columns: ['Dato og tid', 'Eining', 'Rolle', 'Handling', 'Føremål'],
    employee: 'Tilsett',
    none: 'Ingen oppslag i perioden.',
    names: 'Namn på tilsette blir ikkje oppgitt. Du har rett til å vite tidspunkt og føremål for oppslaga (EU-domstolen, sak C-579/21). Kontakt kommunen om du treng å vite kven som gjorde eit bestemt oppslag.',
  },
} as const;

const labels: Record<'nb' | 'nn', Record<string, string>> = {
  nb: {
    display: 'Visning', create: 'Oppretting', update: 'Endring', deactivate: 'Deaktivering', export: 'Utskrift/eksport',
    user_administration: 'Brukeradministrasjon', audit_review: 'Logggjennomgang', insight_request: 'Innsynsbegjæring',
    case_work: 'Saksbehandling', settlement: 'Bosetting', allocation: 'Tildeling', tenancy: 'Leieforhold', follow_up: 'Oppfølging',
    admin: 'Administrator', bosetter: 'Bosetter', boligkontor: 'Boligkontor', eiendom: 'Eiendom', nav_veileder: 'Nav-veileder',
    miljoarbeider: 'Miljøarbeider', leder: 'Leder', revisor: 'Revisor',
  },
  nn: {
    display: 'Vising', create: 'Oppretting', update: 'Endring', deactivate: 'Deaktivering', export: 'Utskrift/eksport',
    user_administration: 'Brukaradministrasjon', audit_review: 'Logggjennomgang', insight_request: 'Innsynskrav',
    case_work: 'Sakshandsaming', settlement: 'Busetjing', allocation: 'Tildeling', tenancy: 'Leigeforhold', follow_up: 'Oppfølging',
    admin: 'Administrator', bosetter: 'Busetjar', boligkontor: 'Bustadkontor', eiendom: 'Eigedom', nav_veileder: 'Nav-rettleiar',
    miljoarbeider: 'Miljøarbeidar', leder: 'Leiar', revisor: 'Revisor',
  },
};

const osloDateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' });
const osloDate = (iso: string) =>
  new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(`${iso}T12:00:00Z`));

export function renderInsightPdf(report: InsightResponse, lang: 'nb' | 'nn', now: Date): Promise<Buffer> {
  const t = texts[lang];
  const label = (key: string) => labels[lang][key] ?? key;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: t.title, Author: `${report.municipality} kommune` }, lang });
  doc.registerFont('body', fontFiles.latin.regular);
  doc.registerFont('bold', fontFiles.latin.bold);
  const done = pdfBytes(doc);

  doc.font('bold').fontSize(18).text(t.title);
  doc.moveDown(0.5).font('body').fontSize(10).text(t.intro(report.subject.name, report.municipality));
  doc.moveDown(0.5).text(`${t.period}: ${osloDate(report.period.from)} – ${osloDate(report.period.to)}`);
  doc.text(`${t.generated}: ${osloDateTime.format(now)}`);
  doc.moveDown();

  const columns = report.employeeNamesShown ? [...t.columns, t.employee] : [...t.columns];
  const width = (doc.page.width - 100) / columns.length;
  const row = (cells: string[], font: 'body' | 'bold') => {
    const y = doc.y;
    doc.font(font).fontSize(9);
    const heights = cells.map((cell) => doc.heightOfString(cell, { width: width - 6 }));
    const height = Math.max(...heights) + 4;
    if (y + height > doc.page.height - 50) doc.addPage();
    const top = doc.y;
    cells.forEach((cell, i) => doc.text(cell, 50 + i * width, top, { width: width - 6 }));
    doc.x = 50;
    doc.y = top + height;
  };
  row(columns, 'bold');
  if (report.entries.length === 0) doc.font('body').text(t.none);
  for (const entry of report.entries) {
    const cells = [
      osloDateTime.format(new Date(entry.occurredAt)),
      entry.unitName ?? '–',
      entry.roles.map(label).join(', '),
      label(entry.action),
      label(entry.purpose),
    ];
    if (report.employeeNamesShown) cells.push(entry.employeeName ?? '–');
    row(cells, 'body');
  }
  if (!report.employeeNamesShown) doc.moveDown().font('body').fontSize(9).text(t.names, 50);
  doc.end();
  return done;
}
