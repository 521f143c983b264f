import { Textfield } from '@digdir/designsystemet-react';
import { createBuildingRequest, updateBuildingRequest, type BuildingDto } from '../../../../../shared/api/buildings';
import { buildingKinds, buildingOwnerKinds, commonFacilities } from '../../../../../shared/domain/dwelling-rules';
import { CheckboxGroupField } from '../../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../../components/FormErrorSummary';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { isVersionConflict, SubmitFailure } from '../../../../app/errors';
import { useI18n } from '../../../../app/i18n';
import { useForm } from '../../../../app/use-form';

type Values = {
  name: string;
  kind: string;
  street: string;
  postnummer: string;
  kommunenummer: string;
  gnr: string;
  bnr: string;
  ownerKind: string;
  staffRooms: string;
  neighbourhoodNotes: string;
  commonHouse: string[];
  commonFacilities: string[];
};

const fieldIds: Record<keyof Values, string> = {
  name: 'building-name',
  kind: 'building-kind',
  street: 'building-street',
  postnummer: 'building-postnummer',
  kommunenummer: 'building-kommunenummer',
  gnr: 'building-gnr',
  bnr: 'building-bnr',
  ownerKind: 'building-owner',
  staffRooms: 'building-staff-rooms',
  neighbourhoodNotes: 'building-notes',
  commonHouse: 'building-common-house',
  commonFacilities: 'building-facilities',
};

function initial(b: BuildingDto | null): Values {
  return {
    name: b?.name ?? '',
    kind: b?.kind ?? 'modular',
    street: b?.street ?? '',
    postnummer: b?.postnummer ?? '',
    kommunenummer: b?.kommunenummer ?? '',
    gnr: b?.gnr === null || b?.gnr === undefined ? '' : String(b.gnr),
    bnr: b?.bnr === null || b?.bnr === undefined ? '' : String(b.bnr),
    ownerKind: b?.ownerKind ?? 'municipality',
    staffRooms: String(b?.staffRooms ?? 0),
    neighbourhoodNotes: b?.neighbourhoodNotes ?? '',
    commonHouse: b?.commonHouse ? ['yes'] : [],
    commonFacilities: b?.commonFacilities ?? [],
  };
}

function toBody(v: Values): Record<string, unknown> {
  const int = (s: string) => (s.trim() === '' ? null : /^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : s);
  return {
    name: v.name,
    kind: v.kind,
    street: v.street,
    postnummer: v.postnummer.trim(),
    kommunenummer: v.kommunenummer.trim(),
    gnr: int(v.gnr),
    bnr: int(v.bnr),
    ownerKind: v.ownerKind,
    staffRooms: int(v.staffRooms) ?? 0,
    neighbourhoodNotes: v.neighbourhoodNotes,
    commonHouse: v.commonHouse.includes('yes'),
    commonFacilities: v.commonFacilities,
  };
}

export function BuildingForm({
  building,
  pending,
  error,
  submitLabel,
  pendingLabel,
  onSubmit,
}: {
  building: BuildingDto | null;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (body: Record<string, unknown>, form: { showRefusal: (error: unknown) => void; reset: () => void }) => void;
}) {
  const { t, errorText } = useI18n();
  const form = useForm<Values>({
    initial: initial(building),
    fieldIds,
    refusalFields: { 'dwelling.postnummer_invalid': 'postnummer', 'dwelling.kommunenummer_invalid': 'kommunenummer' },
    message: (_f, code) => errorText(code),
  });
  const submit = () => {
    const body = toBody(form.values);
    const request = form.validate(building ? updateBuildingRequest : createBuildingRequest, body);
    if (request === null) return;
    onSubmit(request as Record<string, unknown>, form);
  };
  return (
    <>
      <SubmitFailure error={error} explained={form.hasFieldExplanation || isVersionConflict(error)} />
      <FormErrorSummary {...form.summary} heading={t('dwellings.buildings.errorSummary')} headingLevel={3} />
      <form noValidate onSubmit={form.submitHandler(submit, pending)} className="form-stack narrow">
        <Textfield {...form.field('name')} label={t('dwellings.buildings.name')} required autoComplete="off" />
        <SelectField {...form.field('kind')} label={t('dwellings.buildings.kind')}>
          <CodeOptions codes={buildingKinds} label={(k) => t(`dwellings.buildings.kinds.${k}`)} />
        </SelectField>
        <Textfield {...form.field('street')} label={t('dwellings.buildings.street')} required autoComplete="off" />
        <Textfield
          {...form.field('postnummer')}
          label={t('dwellings.fields.postnummer')}
          description={t('dwellings.help.postnummer')}
          inputMode="numeric"
          required
        />
        <Textfield
          {...form.field('kommunenummer')}
          label={t('dwellings.fields.kommunenummer')}
          description={t('dwellings.help.kommunenummer')}
          inputMode="numeric"
          required
        />
        <Textfield {...form.field('gnr')} label={t('dwellings.fields.gnr')} inputMode="numeric" />
        <Textfield {...form.field('bnr')} label={t('dwellings.fields.bnr')} inputMode="numeric" />
        <SelectField {...form.field('ownerKind')} label={t('dwellings.buildings.owner')}>
          <CodeOptions codes={buildingOwnerKinds} label={(k) => t(`dwellings.buildings.ownerKinds.${k}`)} />
        </SelectField>
        <CheckboxGroupField
          id={fieldIds.commonHouse}
          legend={t('dwellings.buildings.commonHouse')}
          options={[{ value: 'yes', label: t('dwellings.buildings.commonHouse') }]}
          value={form.values.commonHouse}
          onChange={(v) => form.setValue('commonHouse', v)}
        />
        <CheckboxGroupField
          id={fieldIds.commonFacilities}
          legend={t('dwellings.buildings.facilities')}
          options={commonFacilities.map((f) => ({ value: f, label: t(`dwellings.buildings.facilityList.${f}`) }))}
          value={form.values.commonFacilities}
          onChange={(v) => form.setValue('commonFacilities', v)}
        />
        <Textfield {...form.field('staffRooms')} label={t('dwellings.buildings.staffRooms')} inputMode="numeric" />
        <Textfield {...form.field('neighbourhoodNotes')} label={t('dwellings.buildings.notes')} autoComplete="off" />
        <SubmitButton pending={pending} label={submitLabel} pendingLabel={pendingLabel} />
      </form>
    </>
  );
}
