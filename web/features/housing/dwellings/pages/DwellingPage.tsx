import { Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  changeDwellingStatusRequest,
  dwellingIdParams,
  type DwellingDetailResponse,
} from '../../../../../shared/api/dwellings';
import { manualStatuses } from '../../../../../shared/domain/dwelling-rules';
import { formatDate, formatDateTime, formatMoneyOre, formatNumber } from '../../../../../shared/i18n';
import { FactList, type Fact } from '../../../../components/FactList';
import { FormErrorSummary } from '../../../../components/FormErrorSummary';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { SubjectTasks } from '../../../../components/tasks/SubjectTasks';
import { isApiError } from '../../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent, SubmitFailure } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { useForm } from '../../../../app/use-form';
import { DwellingLeases } from '../../leases/components/DwellingLeases';
import { useChangeDwellingStatus, useDwelling } from '../dwellings.api';
import { SuccessNotice } from '../../../../components/SuccessNotice';

/** `/boliger/:id` — an id that is not a UUID cannot be a dwelling: not found without asking. */
export function DwellingPage() {
  const parsed = dwellingIdParams.safeParse(useParams());
  if (!parsed.success) return <NotFoundPage />;
  return <DwellingDetail key={parsed.data.id} id={parsed.data.id} />;
}

function DwellingDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const dwelling = useDwelling(id);
  usePageTitle(
    dwelling.data ? `${dwelling.data.dwelling.reference} – ${dwelling.data.dwelling.street}` : t('dwellings.title'),
  );
  if (isNoAccess(dwelling.error)) return <NoAccessPage />;
  if (isApiError(dwelling.error) && dwelling.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <>
      <Paragraph>
        <RouterLink to="/boliger">{t('dwellings.detail.back')}</RouterLink>
      </Paragraph>
      <QueryContent error={dwelling.error} data={dwelling.data}>
        {(data) => <DwellingContent data={data} />}
      </QueryContent>
    </>
  );
}

function DwellingContent({ data }: { data: DwellingDetailResponse }) {
  const { t } = useI18n();
  const d = data.dwelling;
  const yesNo = (v: boolean) => t(v ? 'dwellings.detail.yes' : 'dwellings.detail.no');
  const none = t('dwellings.detail.none');
  const num = (v: number | null) => (v === null ? none : formatNumber(v));
  const cadastre = [
    d.gnr && `gnr. ${d.gnr}`,
    d.bnr && `bnr. ${d.bnr}`,
    d.fnr && `fnr. ${d.fnr}`,
    d.snr && `snr. ${d.snr}`,
    d.bruksenhetsnummer,
  ]
    .filter(Boolean)
    .join(', ');
  const facts: Fact[] = [
    { term: t('dwellings.fields.reference'), value: d.reference },
    { term: t('dwellings.table.address'), value: `${d.street}, ${d.postnummer} ${d.poststed}` },
    { term: t('dwellings.fields.kommunenummer'), value: d.kommunenummer },
    { term: t('dwellings.detail.cadastre'), value: cadastre || none },
    { term: t('dwellings.fields.type'), value: t(`dwellings.types.${d.type}`) },
    { term: t('dwellings.fields.rooms'), value: num(d.rooms) },
    { term: t('dwellings.fields.bedrooms'), value: num(d.bedrooms) },
    { term: t('dwellings.fields.areaM2'), value: num(d.areaM2) },
    { term: t('dwellings.fields.capacity'), value: num(d.capacity) },
    { term: t('dwellings.fields.floor'), value: num(d.floor) },
    { term: t('dwellings.flags.lift'), value: yesNo(d.lift) },
    { term: t('dwellings.flags.universalDesign'), value: yesNo(d.universalDesign) },
    { term: t('dwellings.flags.wheelchairAccessible'), value: yesNo(d.wheelchairAccessible) },
    { term: t('dwellings.flags.stepFreeEntrance'), value: yesNo(d.stepFreeEntrance) },
    { term: t('dwellings.fields.standard'), value: t(`dwellings.standards.${d.standard}`) },
    {
      term: t('dwellings.fields.condition'),
      value: `${t(`dwellings.conditions.${d.condition}`)}${d.conditionNote ? ` – ${d.conditionNote}` : ''}`,
    },
    { term: t('dwellings.fields.furnished'), value: t(`dwellings.furnished.${d.furnished}`) },
    { term: t('dwellings.fields.schoolDistrict'), value: d.schoolDistrict || none },
    { term: t('dwellings.fields.areaZone'), value: d.areaZone || none },
    { term: t('dwellings.fields.walkMinSchool'), value: num(d.walkMinSchool) },
    { term: t('dwellings.fields.walkMinKindergarten'), value: num(d.walkMinKindergarten) },
    { term: t('dwellings.fields.walkMinBusStop'), value: num(d.walkMinBusStop) },
    { term: t('dwellings.fields.walkMinShop'), value: num(d.walkMinShop) },
    { term: t('dwellings.fields.walkMinCentre'), value: num(d.walkMinCentre) },
    { term: t('dwellings.fields.walkMinIntroProgramme'), value: num(d.walkMinIntroProgramme) },
    { term: t('dwellings.fields.disposalForm'), value: t(`dwellings.disposalForms.${d.disposalForm}`) },
    { term: t('dwellings.fields.earmarking'), value: t(`dwellings.earmarkings.${d.earmarking}`) },
    { term: t('dwellings.fields.disposingUnit'), value: d.disposingUnitName ?? none },
    { term: t('dwellings.table.rent'), value: d.rentOre === null ? none : formatMoneyOre(d.rentOre) },
    {
      term: t('dwellings.fields.rentIncludes'),
      value: d.rentIncludes.length
        ? d.rentIncludes.map((r) => t(`dwellings.rentIncludes.${r}`)).join(', ')
        : t('dwellings.detail.rentIncludesNone'),
    },
    {
      term: t('dwellings.fields.marketRent'),
      value: d.marketRentOre === null ? none : formatMoneyOre(d.marketRentOre),
    },
    { term: t('dwellings.fields.husbankenFinancing'), value: t(`dwellings.husbanken.${d.husbankenFinancing}`) },
    { term: t('dwellings.flags.bostotteApprovedUnit'), value: yesNo(d.bostotteApprovedUnit) },
    { term: t('dwellings.flags.rentToOwnPotential'), value: yesNo(d.rentToOwnPotential) },
    {
      term: t('dwellings.fields.acquisitionMethod'),
      value: d.acquisitionMethod ? t(`dwellings.acquisition.${d.acquisitionMethod}`) : none,
    },
    { term: t('dwellings.fields.acquisitionDate'), value: d.acquisitionDate ? formatDate(d.acquisitionDate) : none },
    { term: t('dwellings.fields.caretaker'), value: d.caretaker || none },
    { term: t('dwellings.fields.notes'), value: d.notes || none },
  ];
  if (data.building) {
    facts.splice(3, 0, {
      term: t('dwellings.detail.building'),
      value: <RouterLink to={`/bygg/${data.building.id}`}>{data.building.name}</RouterLink>,
    });
  }
  if (data.parent) {
    facts.splice(3, 0, {
      term: t('dwellings.detail.parent'),
      value: (
        <RouterLink to={`/boliger/${data.parent.id}`}>{`${data.parent.reference} – ${data.parent.street}`}</RouterLink>
      ),
    });
  }

  return (
    <>
      <PageHeading lead={`${d.street}, ${d.postnummer} ${d.poststed}`}>{d.reference}</PageHeading>
      {data.actions.update ? (
        <Paragraph>
          <RouterLink to={`/boliger/${d.id}/endre`}>{t('dwellings.detail.edit')}</RouterLink>
        </Paragraph>
      ) : null}
      <PageSection headingId="dwelling-facts-heading" heading={t('dwellings.detail.facts')}>
        <FactList facts={facts} />
      </PageSection>
      <PageSection headingId="dwelling-status-heading" heading={t('dwellings.detail.statusHeading')}>
        <Paragraph>
          {t('dwellings.detail.currentStatus')}: <strong>{t(`dwellings.statuses.${d.status}`)}</strong>{' '}
          {t('dwellings.detail.since', { date: formatDate(d.statusSince) })}
        </Paragraph>
        <Vacancy data={data} />
        <ScrollTable labelledBy="dwelling-history-caption">
          <caption id="dwelling-history-caption">{t('dwellings.detail.historyCaption')}</caption>
          <TableHeader
            columns={[
              t('dwellings.detail.historyStatus'),
              t('dwellings.detail.historyFrom'),
              t('dwellings.detail.historySource'),
              t('dwellings.detail.historyBy'),
              t('dwellings.detail.historyAt'),
              t('dwellings.detail.historyNote'),
            ]}
          />
          <Table.Body>
            {data.history.map((h) => (
              <Table.Row key={h.id}>
                <Table.Cell>{t(`dwellings.statuses.${h.status}`)}</Table.Cell>
                <Table.Cell>{formatDate(h.validFrom)}</Table.Cell>
                <Table.Cell>{t(`dwellings.detail.sources.${h.source}`)}</Table.Cell>
                <Table.Cell>{h.changedBy ?? t('dwellings.detail.system')}</Table.Cell>
                <Table.Cell>{formatDateTime(h.changedAt)}</Table.Cell>
                <Table.Cell>{h.note}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
        {data.actions.changeStatus ? <ChangeStatusForm dwellingId={d.id} today={data.today} /> : null}
      </PageSection>
      {d.type === 'shared_housing' ? (
        <PageSection headingId="dwelling-subunits-heading" heading={t('dwellings.detail.subUnitsHeading')}>
          {data.subUnits.length === 0 ? (
            <Paragraph>{t('dwellings.detail.noSubUnits')}</Paragraph>
          ) : (
            <ScrollTable labelledBy="dwelling-subunits-heading">
              <TableHeader
                columns={[
                  t('dwellings.table.reference'),
                  t('dwellings.table.type'),
                  { label: t('dwellings.fields.capacity'), numeric: true },
                  t('dwellings.table.status'),
                ]}
              />
              <Table.Body>
                {data.subUnits.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <RouterLink to={`/boliger/${s.id}`}>{s.reference}</RouterLink>
                    </Table.Cell>
                    <Table.Cell>{t(`dwellings.types.${s.type}`)}</Table.Cell>
                    <Table.Cell className="numeric">{formatNumber(s.capacity)}</Table.Cell>
                    <Table.Cell>
                      {t(`dwellings.statuses.${s.status}`)} ({formatDate(s.statusSince)})
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollTable>
          )}
        </PageSection>
      ) : null}
      <DwellingLeases dwellingId={d.id} />
      <SubjectTasks subjectType="dwelling" subjectId={d.id} />
    </>
  );
}

function Vacancy({ data }: { data: DwellingDetailResponse }) {
  const { t } = useI18n();
  const v = data.vacancy;
  return (
    <section aria-labelledby="dwelling-vacancy-heading" className="form-stack">
      <Heading level={3} data-size="xs" id="dwelling-vacancy-heading">
        {t('dwellings.detail.vacancyHeading')}
      </Heading>
      {v === null ? (
        <Paragraph>{t('dwellings.detail.notVacant')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('dwellings.detail.internalRentRule', { months: v.thresholdMonths })}</Paragraph>
          <FactList
            facts={[
              { term: t('dwellings.detail.vacantSince'), value: formatDate(v.vacantSince) },
              { term: t('dwellings.detail.vacancyDays'), value: formatNumber(v.days) },
              { term: t('dwellings.detail.internalRentFrom'), value: formatDate(v.internalRentFrom) },
              {
                term: t('dwellings.detail.internalRentAccrued'),
                value: !v.internalRentAccrues
                  ? t('dwellings.detail.internalRentNotYet')
                  : v.internalRentAccruedOre === null
                    ? t('dwellings.detail.noRent')
                    : formatMoneyOre(v.internalRentAccruedOre),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}

const statusFieldIds = {
  status: 'dwelling-status-new',
  validFrom: 'dwelling-status-from',
  note: 'dwelling-status-note',
} as const;

function ChangeStatusForm({ dwellingId, today }: { dwellingId: string; today: string }) {
  const { t, errorText } = useI18n();
  const change = useChangeDwellingStatus(dwellingId);
  const [saved, setSaved] = useState(false);
  const form = useForm<{ status: string; validFrom: string; note: string }>({
    initial: { status: 'vacant', validFrom: today, note: '' },
    fieldIds: statusFieldIds,
    refusalFields: { 'dwelling.status_invalid': 'status' },
    message: (_field, code) => errorText(code),
  });
  const submit = () => {
    setSaved(false);
    change.reset();
    const request = form.validate(changeDwellingStatusRequest, form.values);
    if (request === null) return;
    change.mutate(request, { onSuccess: () => setSaved(true), onError: (error) => form.showRefusal(error) });
  };
  return (
    <section aria-labelledby="dwelling-change-status-heading" className="form-stack">
      <Heading level={3} data-size="xs" id="dwelling-change-status-heading">
        {t('dwellings.detail.changeStatus')}
      </Heading>
      <Paragraph>{t('dwellings.detail.changeStatusHelp')}</Paragraph>
      {saved ? <SuccessNotice>{t('dwellings.detail.statusSaved')}</SuccessNotice> : null}
      <SubmitFailure error={change.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('dwellings.form.errorSummary')} headingLevel={4} />
      <form noValidate onSubmit={form.submitHandler(submit, change.isPending)} className="form-stack narrow">
        <SelectField {...form.field('status')} label={t('dwellings.detail.newStatus')}>
          <CodeOptions codes={manualStatuses} label={(s) => t(`dwellings.statuses.${s}`)} />
        </SelectField>
        <Textfield
          {...form.field('validFrom')}
          type="date"
          label={t('dwellings.detail.validFrom')}
          description={t('dwellings.help.date')}
          required
        />
        <Textfield {...form.field('note')} label={t('dwellings.detail.note')} autoComplete="off" />
        <SubmitButton
          pending={change.isPending}
          label={t('dwellings.detail.submitStatus')}
          pendingLabel={t('dwellings.detail.submittingStatus')}
        />
      </form>
    </section>
  );
}
