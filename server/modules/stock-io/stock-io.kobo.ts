import {
  KOBO_SCHEMA,
  type KoboDwelling,
  type KoboEnvelope,
  type koboBoligtyper,
  type koboEgenskaper,
  type koboEieformer,
} from '../../../shared/api/stock-io';
import type { DisposalForm, DwellingType } from './stock-io.columns';
import type { ExportDwellingRow } from './stock-io.repository';

// The register as Husbanken's Kobo models a dwelling ("Kobobolig", Kobo Bolig API V1). Which
// names are confirmed from Husbanken's documentation and which are our mapping: docs/kobo-export.md.

const boligtype: Record<DwellingType, (typeof koboBoligtyper)[number]> = {
  flat: 'LEILIGHET',
  bedsit: 'HYBEL',
  house: 'HUS',
  modular_unit: 'MODULBOLIG',
  shared_housing: 'BOFELLESSKAP',
  shared_room: 'BOFELLESSKAP_ROM',
};

/** Disposal (does the municipality own or rent it in?) and owner form, from our disposal form. */
const disposal: Record<DisposalForm, { disposisjonsform: 'EID' | 'INNLEID'; eieform: (typeof koboEieformer)[number] }> =
  {
    municipal: { disposisjonsform: 'EID', eieform: 'KOMMUNAL' },
    municipal_company: { disposisjonsform: 'EID', eieform: 'KOMMUNALT_FORETAK' },
    private_sublet: { disposisjonsform: 'INNLEID', eieform: 'PRIVAT' },
    cooperative: { disposisjonsform: 'EID', eieform: 'BORETTSLAG' },
    rent_to_own: { disposisjonsform: 'EID', eieform: 'KOMMUNAL' },
  };

function egenskaper(d: ExportDwellingRow): (typeof koboEgenskaper)[number][] {
  const result: (typeof koboEgenskaper)[number][] = [];
  if (d.wheelchair_accessible) result.push('TILGJENGELIG_FOR_RULLESTOL');
  if (d.universal_design) result.push('UNIVERSELT_UTFORMET');
  if (d.step_free_entrance) result.push('TRINNFRI_INNGANG');
  if (d.lift) result.push('HEIS');
  if (d.furnished === 'fully') result.push('MOBLERT');
  if (d.furnished === 'partly') result.push('DELVIS_MOBLERT');
  return result;
}

export function toKoboDwelling(d: ExportDwellingRow, referenceOf: ReadonlyMap<string, string>): KoboDwelling {
  const type = d.type as DwellingType;
  const form = disposal[d.disposal_form as DisposalForm];
  const shared = type === 'shared_housing' || type === 'shared_room';
  const parentReference = d.parent_id ? (referenceOf.get(d.parent_id) ?? null) : null;
  const rentOre = d.rent_ore === null ? null : Number(d.rent_ore);
  return {
    leverandorBoligId: d.id,
    adresse: { adressetekst: d.street, postnummer: d.postnummer, poststed: d.poststed, kommunenummer: d.kommunenummer },
    eiendom:
      d.gnr !== null && d.bnr !== null
        ? {
            kommunenummer: d.kommunenummer,
            gardsnummer: d.gnr,
            bruksnummer: d.bnr,
            festenummer: d.fnr ?? 0,
            seksjonsnummer: d.snr ?? 0,
          }
        : null,
    bruksenhetsnummer: d.bruksenhetsnummer,
    boligtype: boligtype[type],
    antallSoverom: d.bedrooms,
    bruksareal: d.area_m2 === null ? null : Number(d.area_m2),
    etasjenummer: d.floor,
    disposisjonsform: form.disposisjonsform,
    eieform: form.eieform,
    egenskaper: egenskaper(d),
    erTilgjengeligForRullestolbruker: d.wheelchair_accessible,
    erBofellesskap: shared,
    // Kobo: tells several units within one bruksenhet apart, e.g. the rooms of shared housing.
    ekstraReferanse: type === 'shared_room' ? d.reference : null,
    leieTilEiePotensial: d.rent_to_own_potential || d.disposal_form === 'rent_to_own',
    leiekostnad: rentOre === null ? null : { husleiePerMaaned: rentOre / 100 },
    husly: {
      id: d.id,
      reference: d.reference,
      type: d.type,
      disposalForm: d.disposal_form,
      status: d.status,
      parentId: d.parent_id,
      parentReference,
      rooms: d.rooms,
      capacity: d.capacity,
      rentOre,
      rentIncludes: d.rent_includes,
      schoolDistrict: d.school_district,
    },
  };
}

export function koboEnvelopeOf({
  kommunenummer,
  generatedAt,
  dwellings,
}: {
  kommunenummer: string;
  generatedAt: Date;
  dwellings: readonly ExportDwellingRow[];
}): KoboEnvelope {
  const referenceOf = new Map(dwellings.map((d) => [d.id, d.reference]));
  return {
    schema: KOBO_SCHEMA,
    generatedAt: generatedAt.toISOString(),
    kommunenummer,
    dwellings: dwellings.filter((d) => d.status !== 'disposed').map((d) => toKoboDwelling(d, referenceOf)),
  };
}
