import type { ImportColumnKey } from '../../../shared/api/stock-io';

// The column set municipalities keep today, with the headers we write (first) and the aliases we
// also accept. Headers match case- and space-insensitively, and ignore punctuation and "(m²)".

export type DwellingType = 'flat' | 'bedsit' | 'house' | 'modular_unit' | 'shared_housing' | 'shared_room';
export type DisposalForm = 'municipal' | 'municipal_company' | 'private_sublet' | 'cooperative' | 'rent_to_own';

export const columnHeaders: Record<ImportColumnKey, readonly [string, ...string[]]> = {
  reference: ['Referanse', 'Bolignr', 'Bolignummer', 'Bolig-ID', 'Boligreferanse', 'Reference'],
  street: ['Adresse', 'Gateadresse', 'Gate', 'Address', 'Street'],
  postnummer: ['Postnummer', 'Postnr', 'Post nr', 'Postal code'],
  poststed: ['Poststed', 'Sted', 'Postal place'],
  kommunenummer: ['Kommunenummer', 'Kommunenr', 'Knr', 'Kommune nr'],
  gnr: ['Gnr', 'Gårdsnummer', 'Gardsnummer'],
  bnr: ['Bnr', 'Bruksnummer'],
  fnr: ['Fnr', 'Festenummer'],
  snr: ['Snr', 'Seksjonsnummer'],
  bruksenhetsnummer: ['Bruksenhetsnummer', 'Bruksenhetsnr', 'Bruksenhet', 'Leilighetsnummer', 'H-nummer'],
  parentReference: ['Del av', 'Hovedbolig', 'Tilhører', 'Bofellesskap (referanse)'],
  type: ['Type', 'Boligtype'],
  disposalForm: ['Disposisjon', 'Eierform', 'Disposisjonsform', 'Eieform'],
  bedrooms: ['Soverom', 'Antall soverom', 'Ant soverom', 'Bedrooms'],
  rooms: ['Rom', 'Antall rom', 'Ant rom', 'Rooms'],
  capacity: ['Kapasitet', 'Antall personer', 'Personer', 'Capacity'],
  areaM2: ['Areal', 'Areal (m²)', 'Areal m2', 'Bruksareal', 'BRA', 'Kvm', 'Area'],
  floor: ['Etasje', 'Etg', 'Floor'],
  wheelchairAccessible: ['Rullestol', 'Rullestoltilpasset', 'Tilgjengelig for rullestol', 'Wheelchair'],
  schoolDistrict: ['Skolekrets', 'School district'],
  rent: ['Husleie', 'Husleie (kr)', 'Leie', 'Månedsleie', 'Husleie per måned', 'Rent'],
  leaseStart: ['Kontraktstart', 'Kontraktsstart', 'Kontrakt start', 'Startdato', 'Innflytting', 'Lease start'],
  leaseEnd: ['Kontraktslutt', 'Kontraktsslutt', 'Kontrakt slutt', 'Sluttdato', 'Utløpsdato', 'Lease end'],
  openEnded: ['Tidsubestemt', 'Tidsubestemt kontrakt', 'Open-ended'],
  mainTenant: ['Hovedleietaker', 'Leietaker', 'Main tenant'],
};

/** Columns without which no row can be read (import.columns_missing). */
export const requiredColumns: readonly ImportColumnKey[] = ['street', 'postnummer', 'type', 'disposalForm', 'bedrooms'];

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/\(m²\)|\(m2\)|\(kr\)/g, '')
    .replace(/[\s._\-/()]+/g, '');
}

const headerIndex = new Map<string, ImportColumnKey>();
for (const [key, headers] of Object.entries(columnHeaders) as [ImportColumnKey, readonly string[]][]) {
  for (const header of headers) headerIndex.set(normaliseHeader(header), key);
}

export function columnForHeader(header: string): ImportColumnKey | null {
  return headerIndex.get(normaliseHeader(header)) ?? null;
}

/** The header the template and the export write for a column. */
export function headerFor(key: ImportColumnKey): string {
  return columnHeaders[key][0];
}

function vocabulary<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(normaliseHeader(value), value);
    for (const word of words) map.set(normaliseHeader(word), value);
  }
  return map;
}

/** Values as written in spreadsheets → dwelling type. The first word is what we write. */
export const typeWords: Record<DwellingType, readonly string[]> = {
  flat: ['leilighet', 'lgh', 'husvære', 'sokkelleilighet'],
  bedsit: ['hybel', 'hybelleilighet', 'ettromsleilighet'],
  house: ['hus', 'enebolig', 'rekkehus', 'tomannsbolig', 'kjedehus', 'småhus'],
  modular_unit: ['modul', 'modulbolig', 'modulhus', 'modulbygg'],
  shared_housing: ['bofellesskap', 'bokollektiv', 'kollektiv', 'bufellesskap'],
  shared_room: ['rom i bofellesskap', 'bofellesskapsrom', 'rom', 'hybel i bofellesskap'],
};

export const disposalWords: Record<DisposalForm, readonly string[]> = {
  municipal: ['kommunal', 'kommunalt eid', 'kommunen', 'eid', 'eiet', 'kommunalt'],
  municipal_company: ['KF', 'kommunalt foretak', 'foretak', 'kommunalt boligforetak', 'kommunalt selskap'],
  private_sublet: ['innleid', 'fremleie', 'framleige', 'innleid/fremleie', 'innleie', 'privat', 'innleigd'],
  cooperative: ['borettslag', 'andel', 'borettslagsandel'],
  rent_to_own: ['leie-til-eie', 'leie til eie', 'leietileie', 'leige til eige'],
};

const typeVocabulary = vocabulary(typeWords);
const disposalVocabulary = vocabulary(disposalWords);

export function parseDwellingType(value: string): DwellingType | null {
  return typeVocabulary.get(normaliseHeader(value)) ?? null;
}

export function parseDisposalForm(value: string): DisposalForm | null {
  return disposalVocabulary.get(normaliseHeader(value)) ?? null;
}

/** What the template and the export write for a type / disposal form. */
export const typeLabel: Record<DwellingType, string> = {
  flat: 'Leilighet',
  bedsit: 'Hybel',
  house: 'Hus',
  modular_unit: 'Modulbolig',
  shared_housing: 'Bofellesskap',
  shared_room: 'Rom i bofellesskap',
};

export const disposalLabel: Record<DisposalForm, string> = {
  municipal: 'Kommunal',
  municipal_company: 'KF',
  private_sublet: 'Innleid',
  cooperative: 'Borettslag',
  rent_to_own: 'Leie-til-eie',
};
