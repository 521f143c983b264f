import { Button, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { createIncidentRequest, incidentKinds, landlordIdParams, landlordFlags, type LandlordDto } from '../../../../../shared/api/landlords';
import { formatDate } from '../../../../../shared/i18n';
import { isApiError } from '../../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent, SubmitFailure } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { useForm } from '../../../../app/use-form';
import { FactList } from '../../../../components/FactList';
import { FormErrorSummary } from '../../../../components/FormErrorSummary';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { SubjectTasks } from '../../../../components/tasks/SubjectTasks';
import { LeaseTable } from '../../leases/components/LeaseTable';
import { osloToday } from '../../shared/oslo-today';
import { LandlordForm } from '../components/LandlordForm';
import { useAddIncident, useLandlord, useResolveIncident } from '../landlords.api';
import { SuccessNotice } from '../../../../components/SuccessNotice';

/** `/utleiere/:id` */
export function LandlordPage() {
  const { id } = useParams();
  const parsed = landlordIdParams.safeParse({ id });
  if (!parsed.success) return <NotFoundPage />;
  return <LandlordDetail key={parsed.data.id} id={parsed.data.id} />;
}

function LandlordDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const landlord = useLandlord(id);
  usePageTitle(landlord.data?.name ?? t('landlords.title'));
  if (isNoAccess(landlord.error)) return <NoAccessPage />;
  if (isApiError(landlord.error) && landlord.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <QueryContent error={landlord.error} data={landlord.data}>
      {(data) => <LandlordBody landlord={data} />}
    </QueryContent>
  );
}

const flagField = {
  wants_consultation_before_reletting: 'wantsConsultationBeforeReletting',
  prefers_long_term: 'prefersLongTerm',
  refuses_municipal_guarantee: 'refusesMunicipalGuarantee',
  deposit_guarantee: 'depositGuarantee',
  rent_guarantee: 'rentGuarantee',
  rent_paid_in_advance: 'rentPaidInAdvance',
} as const;

function LandlordBody({ landlord }: { landlord: LandlordDto }) {
  const { t } = useI18n();
  const none = t('landlords.detail.none');
  const flags = landlordFlags.filter((f) => landlord[flagField[f]]);
  return (
    <>
      <PageHeading>{landlord.name}</PageHeading>
      <Paragraph>
        <RouterLink to="/utleiere">{t('landlords.detail.back')}</RouterLink>
      </Paragraph>
      <PageSection headingId="landlord-facts-heading" heading={t('landlords.detail.facts')}>
        <FactList
          facts={[
            { term: t('landlords.form.partyKind'), value: t(`landlords.partyKinds.${landlord.partyKind}`) },
            { term: t('landlords.form.category'), value: t(`landlords.categories.${landlord.category}`) },
            { term: t('landlords.form.orgnr'), value: landlord.orgnr ?? none, mono: true },
            { term: t('landlords.form.email'), value: landlord.email || none },
            { term: t('landlords.form.phone'), value: landlord.phone || none },
            { term: t('landlords.form.address'), value: landlord.address || none },
            { term: t('landlords.form.kontonummer'), value: landlord.kontonummer ?? none, mono: true },
            { term: t('landlords.form.contact'), value: landlord.contactUser?.name ?? none },
            { term: t('landlords.form.notes'), value: landlord.notes || none },
          ]}
        />
      </PageSection>
      <PageSection headingId="landlord-preferences-heading" heading={t('landlords.detail.preferencesHeading')}>
        {flags.length === 0 && !landlord.preferenceNotes ? (
          <Paragraph>{t('landlords.detail.noPreferences')}</Paragraph>
        ) : (
          <ul>
            {flags.map((f) => (
              <li key={f}>{t(`landlords.flags.${f}`)}</li>
            ))}
            {landlord.preferenceNotes ? <li>{landlord.preferenceNotes}</li> : null}
          </ul>
        )}
      </PageSection>
      <PageSection headingId="landlord-leases-heading" heading={t('landlords.detail.leasesHeading')}>
        {landlord.leases.length === 0 ? (
          <Paragraph>{t('landlords.detail.noLeases')}</Paragraph>
        ) : (
          <LeaseTable leases={landlord.leases} labelledBy="landlord-leases-heading" />
        )}
      </PageSection>
      <Incidents landlord={landlord} />
      {landlord.actions.update ? <LandlordForm key={landlord.version} landlord={landlord} /> : null}
      <SubjectTasks subjectType="landlord" subjectId={landlord.id} />
    </>
  );
}

function Incidents({ landlord }: { landlord: LandlordDto }) {
  const { t, errorText } = useI18n();
  const add = useAddIncident(landlord.id);
  const resolve = useResolveIncident(landlord.id);
  const [added, setAdded] = useState(false);
  const today = osloToday();
  const form = useForm({
    initial: { occurredOn: today, kind: 'complaint_from_landlord', description: '' },
    fieldIds: { occurredOn: 'incident-date', kind: 'incident-kind', description: 'incident-description' },
    message: (_field, code) => errorText(code),
  });
  const submit = () => {
    setAdded(false);
    const request = form.validate(createIncidentRequest, form.values);
    if (request === null) return;
    add.mutate(request, {
      onSuccess: () => {
        setAdded(true);
        form.reset();
      },
      onError: form.showRefusal,
    });
  };
  return (
    <>
      <PageSection headingId="landlord-incidents-heading" heading={t('landlords.detail.incidentsHeading')}>
        <SubmitFailure error={resolve.error} />
        {landlord.incidents.length === 0 ? (
          <Paragraph>{t('landlords.detail.noIncidents')}</Paragraph>
        ) : (
          <ScrollTable labelledBy="landlord-incidents-heading">
            <TableHeader
              columns={[
                t('landlords.incidents.occurredOn'),
                t('landlords.incidents.kind'),
                t('landlords.incidents.description'),
                t('landlords.incidents.status'),
              ]}
            />
            <Table.Body>
              {landlord.incidents.map((incident) => (
                <Table.Row key={incident.id}>
                  <Table.Cell>{formatDate(incident.occurredOn)}</Table.Cell>
                  <Table.Cell>{t(`landlords.incidents.kinds.${incident.kind}`)}</Table.Cell>
                  <Table.Cell>{incident.description}</Table.Cell>
                  <Table.Cell>
                    {incident.resolvedOn ? t('landlords.incidents.resolvedOn', { date: formatDate(incident.resolvedOn) }) : t('landlords.incidents.open')}
                    {landlord.actions.addIncident ? (
                      <>
                        {' '}
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          loading={resolve.isPending && resolve.variables?.incidentId === incident.id}
                          onClick={() =>
                            resolve.mutate({
                              incidentId: incident.id,
                              body: { resolvedOn: incident.resolvedOn ? null : today < incident.occurredOn ? incident.occurredOn : today },
                            })
                          }
                        >
                          {incident.resolvedOn ? t('landlords.incidents.reopen') : t('landlords.incidents.resolve')}
                        </Button>
                      </>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        )}
      </PageSection>
      {landlord.actions.addIncident ? (
        <PageSection headingId="incident-add-heading" heading={t('landlords.incidents.addHeading')}>
          <Paragraph>{t('landlords.incidents.help')}</Paragraph>
          {added ? (
            <SuccessNotice>{t('landlords.incidents.added')}</SuccessNotice>
          ) : null}
          <SubmitFailure error={add.error} explained={form.hasFieldExplanation} />
          <FormErrorSummary {...form.summary} heading={t('landlords.form.errorSummaryHeading')} headingLevel={3} />
          <form noValidate onSubmit={form.submitHandler(submit, add.isPending)} className="form-stack narrow">
            <Textfield {...form.field('occurredOn')} label={t('landlords.incidents.occurredOn')} type="date" required />
            <SelectField {...form.field('kind')} label={t('landlords.incidents.kind')}>
              <CodeOptions codes={incidentKinds} label={(k) => t(`landlords.incidents.kinds.${k}`)} />
            </SelectField>
            <Textfield {...form.field('description')} label={t('landlords.incidents.description')} multiline rows={3} required />
            <SubmitButton pending={add.isPending} label={t('landlords.incidents.add')} pendingLabel={t('landlords.incidents.adding')} />
          </form>
        </PageSection>
      ) : null}
    </>
  );
}
