import { Alert, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { z } from 'zod';
import { createDwellingRequest, updateDwellingRequest, type DwellingDto } from '../../../../../shared/api/dwellings';
import {
  acquisitionMethods,
  disposalForms,
  dwellingConditions,
  dwellingStandards,
  dwellingTypes,
  earmarkings,
  furnishedLevels,
  husbankenFinancings,
  manualStatuses,
  rentIncludesItems,
} from '../../../../../shared/domain/dwelling-rules';
import { CheckboxGroupField } from '../../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../../components/FormErrorSummary';
import { SelectField } from '../../../../components/SelectField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { isVersionConflict, SubmitFailure } from '../../../../app/errors';
import { fieldCodesFromZod } from '../../../../app/form-errors';
import { useI18n } from '../../../../app/i18n';
import { useForm } from '../../../../app/use-form';
import { kronerToOre, oreToKroner, useBuildings, useDwellingList, useUnitChoices } from '../dwellings.api';

const textFields = [
  'reference',
  'buildingId',
  'parentId',
  'street',
  'postnummer',
  'kommunenummer',
  'gnr',
  'bnr',
  'fnr',
  'snr',
  'bruksenhetsnummer',
  'type',
  'rooms',
  'bedrooms',
  'areaM2',
  'capacity',
  'floor',
  'standard',
  'condition',
  'conditionNote',
  'furnished',
  'walkMinSchool',
  'walkMinKindergarten',
  'walkMinBusStop',
  'walkMinShop',
  'walkMinCentre',
  'walkMinIntroProgramme',
  'schoolDistrict',
  'areaZone',
  'disposalForm',
  'earmarking',
  'disposingUnitId',
  'rentOre',
  'marketRentOre',
  'husbankenFinancing',
  'husbankenGrantPercent',
  'acquisitionMethod',
  'acquisitionDate',
  'caretaker',
  'notes',
  'status',
  'statusSince',
] as const;
type TextFieldName = (typeof textFields)[number];
const accessFlags = ['lift', 'universalDesign', 'wheelchairAccessible', 'stepFreeEntrance'] as const;
const otherFlags = ['bostotteApprovedUnit', 'rentToOwnPotential'] as const;
type Values = Record<TextFieldName, string> & { access: string[]; other: string[]; rentIncludes: string[] };
type FieldName = keyof Values;

const intFields: readonly TextFieldName[] = [
  'gnr',
  'bnr',
  'fnr',
  'snr',
  'rooms',
  'bedrooms',
  'capacity',
  'floor',
  'walkMinSchool',
  'walkMinKindergarten',
  'walkMinBusStop',
  'walkMinShop',
  'walkMinCentre',
  'walkMinIntroProgramme',
  'husbankenGrantPercent',
];
const nullableTextFields: readonly TextFieldName[] = [
  'buildingId',
  'parentId',
  'bruksenhetsnummer',
  'disposingUnitId',
  'acquisitionMethod',
  'acquisitionDate',
];

const fieldIds = Object.fromEntries(
  [...textFields, 'access', 'other', 'rentIncludes'].map((f) => [f, `dwelling-${f}`]),
) as Record<FieldName, string>;

function initialValues(d: DwellingDto | null): Values {
  const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    reference: d?.reference ?? '',
    buildingId: d?.buildingId ?? '',
    parentId: d?.parentId ?? '',
    street: d?.street ?? '',
    postnummer: d?.postnummer ?? '',
    kommunenummer: d?.kommunenummer ?? '',
    gnr: str(d?.gnr),
    bnr: str(d?.bnr),
    fnr: str(d?.fnr),
    snr: str(d?.snr),
    bruksenhetsnummer: d?.bruksenhetsnummer ?? '',
    type: d?.type ?? 'flat',
    rooms: str(d?.rooms),
    bedrooms: str(d?.bedrooms),
    areaM2: d?.areaM2 === null || d?.areaM2 === undefined ? '' : String(d.areaM2).replace('.', ','),
    capacity: str(d?.capacity),
    floor: str(d?.floor),
    standard: d?.standard ?? 'satisfactory',
    condition: d?.condition ?? 'good',
    conditionNote: d?.conditionNote ?? '',
    furnished: d?.furnished ?? 'no',
    walkMinSchool: str(d?.walkMinSchool),
    walkMinKindergarten: str(d?.walkMinKindergarten),
    walkMinBusStop: str(d?.walkMinBusStop),
    walkMinShop: str(d?.walkMinShop),
    walkMinCentre: str(d?.walkMinCentre),
    walkMinIntroProgramme: str(d?.walkMinIntroProgramme),
    schoolDistrict: d?.schoolDistrict ?? '',
    areaZone: d?.areaZone ?? '',
    disposalForm: d?.disposalForm ?? 'municipal',
    earmarking: d?.earmarking ?? 'none',
    disposingUnitId: d?.disposingUnitId ?? '',
    rentOre: d ? oreToKroner(d.rentOre) : '',
    marketRentOre: d ? oreToKroner(d.marketRentOre) : '',
    husbankenFinancing: d?.husbankenFinancing ?? 'none',
    husbankenGrantPercent: str(d?.husbankenGrantPercent),
    acquisitionMethod: d?.acquisitionMethod ?? '',
    acquisitionDate: d?.acquisitionDate ?? '',
    caretaker: d?.caretaker ?? '',
    notes: d?.notes ?? '',
    status: 'ready',
    statusSince: '',
    access: d ? accessFlags.filter((f) => d[f]) : [],
    other: d ? otherFlags.filter((f) => d[f]) : [],
    rentIncludes: d?.rentIncludes ?? [],
  };
}

/** Form values → request body; numbers that cannot be read become a field code instead. */
function toBody(
  values: Values,
  mode: 'create' | 'edit',
): { body: Record<string, unknown>; codes: Record<string, string> } {
  const body: Record<string, unknown> = {};
  const codes: Record<string, string> = {};
  for (const field of textFields) {
    if (mode === 'edit' && (field === 'status' || field === 'statusSince')) continue;
    const raw = values[field].trim();
    if (field === 'rentOre' || field === 'marketRentOre') {
      const ore = kronerToOre(raw);
      if (ore === undefined) codes[field] = 'form.rent';
      else body[field] = ore;
      continue;
    }
    if (field === 'areaM2') {
      if (raw === '') body[field] = null;
      else if (/^\d{1,4}([.,]\d)?$/.test(raw)) body[field] = Number(raw.replace(',', '.'));
      else codes[field] = 'form.number';
      continue;
    }
    if (intFields.includes(field)) {
      if (raw === '') body[field] = ['rooms', 'bedrooms', 'capacity'].includes(field) ? undefined : null;
      else if (/^-?\d{1,6}$/.test(raw)) body[field] = Number(raw);
      else codes[field] = 'form.number';
      continue;
    }
    if (nullableTextFields.includes(field)) {
      body[field] = raw === '' ? null : raw;
      continue;
    }
    if (field === 'statusSince' && raw === '') continue;
    body[field] = raw;
  }
  for (const flag of accessFlags) body[flag] = values.access.includes(flag);
  for (const flag of otherFlags) body[flag] = values.other.includes(flag);
  body['rentIncludes'] = values.rentIncludes;
  return { body, codes };
}

/** Only the fields that differ from the stored dwelling are sent on edit. */
function changedOnly(body: Record<string, unknown>, dwelling: DwellingDto): Record<string, unknown> {
  const before = toBody(initialValues(dwelling), 'edit').body;
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
}

export function DwellingForm({
  dwelling,
  pending,
  error,
  onSubmit,
}: {
  /** null when registering a new dwelling. */
  dwelling: DwellingDto | null;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Record<string, unknown>, form: { showRefusal: (error: unknown) => void }) => void;
}) {
  const i18n = useI18n();
  const { t, errorText } = i18n;
  const mode = dwelling ? 'edit' : 'create';
  const buildings = useBuildings();
  const units = useUnitChoices();
  // A room's parent is a shared housing dwelling: offer those (first 200 by reference).
  const sharedHousing = useDwellingList('type=shared_housing&pageSize=200');
  const [nothingChanged, setNothingChanged] = useState(false);
  const form = useForm<Values>({
    initial: initialValues(dwelling),
    fieldIds,
    refusalFields: {
      'dwelling.reference_taken': 'reference',
      'dwelling.cadastre_taken': 'bruksenhetsnummer',
      'dwelling.postnummer_invalid': 'postnummer',
      'dwelling.kommunenummer_invalid': 'kommunenummer',
      'dwelling.bruksenhetsnummer_invalid': 'bruksenhetsnummer',
      'dwelling.rooms_invalid': 'bedrooms',
      'dwelling.parent_invalid': 'parentId',
      'dwelling.building_invalid': 'buildingId',
      'dwelling.unit_invalid': 'disposingUnitId',
      'dwelling.status_invalid': 'status',
      'lease.rent_invalid': 'rentOre',
    },
    message: (_field, code) =>
      code === 'form.rent'
        ? t('dwellings.form.rentInvalid')
        : code === 'form.number'
          ? t('dwellings.form.numberInvalid')
          : errorText(code),
  });

  const submit = () => {
    setNothingChanged(false);
    const { body, codes } = toBody(form.values, mode);
    const schema: z.ZodType = mode === 'create' ? createDwellingRequest : updateDwellingRequest;
    const toSend = dwelling
      ? changedOnly(body, dwelling)
      : Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const parsed = schema.safeParse(toSend);
    const zodCodes = parsed.success ? {} : fieldCodesFromZod(parsed.error);
    const all = { ...zodCodes, ...codes };
    form.setFieldCodes(all);
    if (Object.keys(all).length > 0) return;
    if (dwelling && Object.keys(toSend).length === 0) {
      setNothingChanged(true);
      return;
    }
    onSubmit(toSend, form);
  };

  const text = (
    name: TextFieldName,
    opts: { help?: string; required?: boolean; inputMode?: 'numeric' | 'decimal'; type?: 'date' } = {},
  ) => (
    <Textfield
      {...form.field(name)}
      label={t(
        `dwellings.fields.${name === 'rentOre' ? 'rent' : name === 'marketRentOre' ? 'marketRent' : name}` as 'dwellings.fields.reference',
      )}
      description={opts.help}
      required={opts.required}
      autoComplete="off"
      {...(opts.inputMode ? { inputMode: opts.inputMode } : {})}
      {...(opts.type ? { type: opts.type } : {})}
    />
  );
  const select = (
    name: TextFieldName,
    label: string,
    options: readonly { value: string; label: string }[],
    help?: string,
  ) => (
    <SelectField {...form.field(name)} label={help ? `${label} (${help})` : label}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );

  return (
    <>
      {nothingChanged ? (
        <Alert data-color="info" role="status" className="notice">
          <Paragraph>{t('dwellings.form.noChanges')}</Paragraph>
        </Alert>
      ) : null}
      <SubmitFailure error={error} explained={form.hasFieldExplanation || isVersionConflict(error)} />
      <FormErrorSummary {...form.summary} heading={t('dwellings.form.errorSummary')} headingLevel={2} />
      <form noValidate onSubmit={form.submitHandler(submit, pending)} className="form-stack narrow">
        <Fieldset>
          <Fieldset.Legend>{t('dwellings.fieldsets.address')}</Fieldset.Legend>
          {text('reference', { help: t('dwellings.help.reference'), required: true })}
          {text('street', { required: true })}
          {text('postnummer', { help: t('dwellings.help.postnummer'), required: true, inputMode: 'numeric' })}
          {text('kommunenummer', { help: t('dwellings.help.kommunenummer'), required: true, inputMode: 'numeric' })}
          {text('gnr', { inputMode: 'numeric' })}
          {text('bnr', { inputMode: 'numeric' })}
          {text('fnr', { inputMode: 'numeric' })}
          {text('snr', { inputMode: 'numeric' })}
          {text('bruksenhetsnummer', { help: t('dwellings.help.bruksenhetsnummer') })}
          {select('buildingId', t('dwellings.fields.building'), [
            { value: '', label: t('dwellings.fields.noBuilding') },
            ...(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
          ])}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('dwellings.fieldsets.dwelling')}</Fieldset.Legend>
          {select(
            'type',
            t('dwellings.fields.type'),
            dwellingTypes.map((v) => ({ value: v, label: t(`dwellings.types.${v}`) })),
          )}
          {select(
            'parentId',
            t('dwellings.fields.parent'),
            [
              { value: '', label: t('dwellings.fields.noParent') },
              ...(sharedHousing.data?.items ?? [])
                .filter((d) => d.id !== dwelling?.id)
                .map((d) => ({ value: d.id, label: `${d.reference} – ${d.street}` })),
            ],
            t('dwellings.help.parent'),
          )}
          {text('rooms', { required: true, inputMode: 'numeric' })}
          {text('bedrooms', { help: t('dwellings.help.bedrooms'), required: true, inputMode: 'numeric' })}
          {text('areaM2', { inputMode: 'decimal' })}
          {text('capacity', { required: true, inputMode: 'numeric' })}
          {text('floor', { inputMode: 'numeric' })}
          {select(
            'standard',
            t('dwellings.fields.standard'),
            dwellingStandards.map((v) => ({ value: v, label: t(`dwellings.standards.${v}`) })),
          )}
          {select(
            'condition',
            t('dwellings.fields.condition'),
            dwellingConditions.map((v) => ({ value: v, label: t(`dwellings.conditions.${v}`) })),
          )}
          {text('conditionNote')}
          {select(
            'furnished',
            t('dwellings.fields.furnished'),
            furnishedLevels.map((v) => ({ value: v, label: t(`dwellings.furnished.${v}`) })),
          )}
          {mode === 'create'
            ? select(
                'status',
                t('dwellings.fields.status'),
                manualStatuses.map((v) => ({ value: v, label: t(`dwellings.statuses.${v}`) })),
              )
            : null}
          {mode === 'create' ? text('statusSince', { help: t('dwellings.help.date'), type: 'date' }) : null}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('dwellings.fieldsets.accessibility')}</Fieldset.Legend>
          <CheckboxGroupField
            id={fieldIds.access}
            legend={t('dwellings.fields.accessibility')}
            options={accessFlags.map((f) => ({ value: f, label: t(`dwellings.flags.${f}`) }))}
            value={form.values.access}
            onChange={(v) => form.setValue('access', v)}
          />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('dwellings.fieldsets.location')}</Fieldset.Legend>
          {text('walkMinSchool', { inputMode: 'numeric' })}
          {text('walkMinKindergarten', { inputMode: 'numeric' })}
          {text('walkMinBusStop', { inputMode: 'numeric' })}
          {text('walkMinShop', { inputMode: 'numeric' })}
          {text('walkMinCentre', { inputMode: 'numeric' })}
          {text('walkMinIntroProgramme', { inputMode: 'numeric' })}
          {text('schoolDistrict')}
          {text('areaZone')}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('dwellings.fieldsets.disposal')}</Fieldset.Legend>
          {select(
            'disposalForm',
            t('dwellings.fields.disposalForm'),
            disposalForms.map((v) => ({ value: v, label: t(`dwellings.disposalForms.${v}`) })),
          )}
          {select(
            'earmarking',
            t('dwellings.fields.earmarking'),
            earmarkings.map((v) => ({ value: v, label: t(`dwellings.earmarkings.${v}`) })),
          )}
          {select('disposingUnitId', t('dwellings.fields.disposingUnit'), [
            { value: '', label: t('dwellings.fields.noUnit') },
            ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
          ])}
          {text('rentOre', { help: t('dwellings.help.rent'), inputMode: 'decimal' })}
          <CheckboxGroupField
            id={fieldIds.rentIncludes}
            legend={t('dwellings.fields.rentIncludes')}
            options={rentIncludesItems.map((f) => ({ value: f, label: t(`dwellings.rentIncludes.${f}`) }))}
            value={form.values.rentIncludes}
            onChange={(v) => form.setValue('rentIncludes', v)}
          />
          {text('marketRentOre', { help: t('dwellings.help.rent'), inputMode: 'decimal' })}
          {select(
            'husbankenFinancing',
            t('dwellings.fields.husbankenFinancing'),
            husbankenFinancings.map((v) => ({ value: v, label: t(`dwellings.husbanken.${v}`) })),
          )}
          {text('husbankenGrantPercent', { inputMode: 'numeric' })}
          <CheckboxGroupField
            id={fieldIds.other}
            legend={t('dwellings.fields.other')}
            options={otherFlags.map((f) => ({ value: f, label: t(`dwellings.flags.${f}`) }))}
            value={form.values.other}
            onChange={(v) => form.setValue('other', v)}
          />
          {text('caretaker')}
          {text('notes')}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('dwellings.fieldsets.acquisition')}</Fieldset.Legend>
          {select('acquisitionMethod', t('dwellings.fields.acquisitionMethod'), [
            { value: '', label: t('dwellings.acquisition.none') },
            ...acquisitionMethods.map((v) => ({ value: v, label: t(`dwellings.acquisition.${v}`) })),
          ])}
          {text('acquisitionDate', { help: t('dwellings.help.date'), type: 'date' })}
        </Fieldset>
        <SubmitButton
          pending={pending}
          label={t(mode === 'create' ? 'dwellings.form.create' : 'dwellings.form.save')}
          pendingLabel={t(mode === 'create' ? 'dwellings.form.creating' : 'dwellings.form.saving')}
        />
      </form>
    </>
  );
}
