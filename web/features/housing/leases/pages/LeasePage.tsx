import { Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { leaseIdParams, type LeaseDto, type TermWarningDto } from '../../../../../shared/api/leases';
import { formatDate, formatMoneyOre } from '../../../../../shared/i18n';
import { isApiError } from '../../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent, SubmitFailure } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { FactList } from '../../../../components/FactList';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { SubjectTasks } from '../../../../components/tasks/SubjectTasks';
import { LeaseLetters } from '../../letters/LeaseLetters';
import { AssessmentForm, EditLeaseForm, InspectionForm, RenewForm, TerminateForm } from '../components/LeaseForms';
import { osloToday } from '../../shared/oslo-today';
import { TermWarnings } from '../components/TermWarnings';
import { useCancelLease, useLease } from '../leases.api';
import { SuccessNotice } from '../../../../components/SuccessNotice';

/** `/kontrakter/:id` — an id that is not a UUID cannot be a lease: not found without asking. */
export function LeasePage() {
  const { id } = useParams();
  const parsed = leaseIdParams.safeParse({ id });
  if (!parsed.success) return <NotFoundPage />;
  return <LeaseDetail key={parsed.data.id} id={parsed.data.id} />;
}

function LeaseDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const lease = useLease(id);
  const location = useLocation();
  const created = (location.state as { created?: string; warnings?: TermWarningDto[] } | null)?.created;
  usePageTitle(lease.data ? `${t('leases.detail.facts')} ${lease.data.reference}` : t('leases.title'));
  if (isNoAccess(lease.error)) return <NoAccessPage />;
  if (isApiError(lease.error) && lease.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <QueryContent error={lease.error} data={lease.data}>
      {(data) => (
        <>
          <PageHeading>{`${t(`leases.kinds.${data.kind}`)} ${data.reference}`}</PageHeading>
          <Paragraph>
            <RouterLink to="/kontrakter">{t('leases.detail.back')}</RouterLink>
          </Paragraph>
          {created ? (
            <SuccessNotice>{t('leases.form.created', { reference: created })}</SuccessNotice>
          ) : null}
          <LeaseBody lease={data} />
        </>
      )}
    </QueryContent>
  );
}

function LeaseBody({ lease }: { lease: LeaseDto }) {
  // The version this page saved through the edit form: its "saved" notice outlives the form's remount.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const { t } = useI18n();
  const today = osloToday();
  const none = t('leases.detail.none');
  const period = lease.endDate
    ? t('leases.periodText', { start: formatDate(lease.startDate), end: formatDate(lease.endDate) })
    : t('leases.periodOpen', { start: formatDate(lease.startDate) });
  const tenantText = lease.tenant ? (lease.tenant.fullName ?? t('leases.table.hiddenTenant')) : none;
  return (
    <>
      <PageSection headingId="lease-facts-heading" heading={t('leases.detail.facts')}>
        <TermWarnings warnings={lease.warnings} />
        <FactList
          facts={[
            { term: t('leases.table.state'), value: t(`leases.states.${lease.state}`) },
            { term: t('leases.table.kind'), value: t(`leases.kinds.${lease.kind}`) },
            {
              term: t('leases.table.dwelling'),
              value: <RouterLink to={`/boliger/${lease.dwelling.id}`}>{`${lease.dwelling.street}, ${lease.dwelling.postnummer} ${lease.dwelling.poststed} (${lease.dwelling.reference})`}</RouterLink>,
            },
            { term: t('leases.detail.period'), value: period },
            { term: t('leases.detail.effectiveEnd'), value: lease.effectiveEnd ? formatDate(lease.effectiveEnd) : t('leases.openEnded') },
            { term: t('leases.form.legalBasis'), value: t(`leases.bases.${lease.legalBasis}`) },
            { term: t('leases.table.rent'), value: formatMoneyOre(lease.rentOre) },
            { term: t('leases.form.deposit'), value: formatMoneyOre(lease.depositOre) },
            { term: t('leases.form.securityKind'), value: t(`leases.securityKinds.${lease.securityKind}`) },
            { term: t('leases.form.signer'), value: lease.signedBy?.name ?? none },
            { term: t('leases.form.signedOn'), value: lease.signedOn ? formatDate(lease.signedOn) : none },
            { term: t('leases.detail.responsibleUnit'), value: lease.responsibleUnit?.name ?? none },
            { term: t('leases.detail.noticeGivenOn'), value: lease.noticeGivenOn ? formatDate(lease.noticeGivenOn) : none },
            {
              term: t('leases.detail.terminationReason'),
              value: lease.terminationReason ? `${t(`leases.reasons.${lease.terminationReason}`)}${lease.terminationNote ? ` – ${lease.terminationNote}` : ''}` : none,
            },
            { term: t('leases.form.notes'), value: lease.notes || none },
          ]}
        />
      </PageSection>

      <PageSection headingId="lease-parties-heading" heading={t('leases.detail.parties')}>
        <FactList
          facts={
            lease.kind === 'head'
              ? [
                  {
                    term: t('leases.form.landlord'),
                    value: lease.landlord ? <RouterLink to={`/utleiere/${lease.landlord.id}`}>{lease.landlord.name}</RouterLink> : none,
                  },
                  { term: t('leases.table.party'), value: t('leases.detail.municipality') },
                ]
              : [
                  { term: t('leases.form.landlord'), value: t('leases.detail.municipality') },
                  { term: t('leases.form.tenantLegend'), value: tenantText },
                  ...(lease.tenant?.birthDate ? [{ term: t('leases.form.birthDate'), value: formatDate(lease.tenant.birthDate) }] : []),
                ]
          }
        />
        {lease.tenant && lease.tenant.fullName === null ? <Paragraph data-size="sm">{t('leases.detail.tenantHidden')}</Paragraph> : null}
        {lease.tenant?.fullName ? <Paragraph data-size="sm">{t('leases.detail.tenantAudited')}</Paragraph> : null}
        {lease.headLease ? (
          <Paragraph>
            {`${t('leases.detail.headLease')}: `}
            <RouterLink to={`/kontrakter/${lease.headLease.id}`}>{lease.headLease.reference}</RouterLink>
            {lease.headLease.effectiveEnd ? ` (${t('leases.periodText', { start: formatDate(lease.headLease.startDate), end: formatDate(lease.headLease.effectiveEnd) })})` : ''}
          </Paragraph>
        ) : null}
      </PageSection>

      {lease.kind === 'head' ? (
        <PageSection headingId="lease-subleases-heading" heading={t('leases.detail.subleases')}>
          {lease.subleases.length === 0 ? (
            <Paragraph>{t('leases.detail.noSubleases')}</Paragraph>
          ) : (
            <List.Unordered>
              {lease.subleases.map((s) => (
                <List.Item key={s.id}>
                  <RouterLink to={`/kontrakter/${s.id}`}>{s.reference}</RouterLink>
                  {` – ${s.effectiveEnd ? t('leases.periodText', { start: formatDate(s.startDate), end: formatDate(s.effectiveEnd) }) : t('leases.periodOpen', { start: formatDate(s.startDate) })}, ${t(`leases.states.${s.state}`)}${s.tenantName ? `, ${s.tenantName}` : ''}`}
                </List.Item>
              ))}
            </List.Unordered>
          )}
        </PageSection>
      ) : null}

      <PageSection headingId="lease-renewals-heading" heading={t('leases.detail.renewals')}>
        {lease.renewals.length === 0 ? (
          <Paragraph>{t('leases.detail.noRenewals')}</Paragraph>
        ) : (
          <List.Unordered>
            {lease.renewals.map((r) => (
              <List.Item key={r.id}>
                {t('leases.detail.renewalRow', {
                  date: formatDate(r.renewedOn),
                  from: r.previousEnd ? formatDate(r.previousEnd) : t('leases.openEnded'),
                  to: r.newEnd ? formatDate(r.newEnd) : t('leases.openEnded'),
                })}
                {r.renewedBy ? ` (${r.renewedBy})` : ''}
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </PageSection>

      <PageSection headingId="lease-assessments-heading" heading={t('leases.detail.assessments')}>
        {lease.needsAssessments.length === 0 ? (
          <Paragraph>{t('leases.detail.noAssessments')}</Paragraph>
        ) : (
          lease.needsAssessments.map((a) => (
            <div key={a.id} className="form-stack">
              <Heading level={3} data-size="2xs">{`${formatDate(a.assessedOn)}: ${t(`leases.outcomes.${a.outcome}`)}`}</Heading>
              <Paragraph>{a.reasons}</Paragraph>
              <Paragraph data-size="sm">
                {`${t('leases.detail.couldBuy')}: ${a.couldBuy === null ? t('leases.detail.unknown') : a.couldBuy ? t('leases.detail.yes') : t('leases.detail.no')}`}
                {a.assessedBy ? ` · ${a.assessedBy}` : ''}
                {a.usedForRenewal ? ` · ${t('leases.detail.usedForRenewal')}` : ''}
              </Paragraph>
            </div>
          ))
        )}
      </PageSection>

      {lease.actions.assess ? <AssessmentForm lease={lease} today={today} /> : null}
      {lease.actions.update || lease.actions.renew ? <RenewForm lease={lease} /> : null}
      {lease.actions.update ? <EditLeaseForm key={`edit-${lease.version}`} lease={lease} justSaved={savedVersion === lease.version} onSaved={setSavedVersion} /> : null}
      {lease.actions.terminate ? <TerminateForm lease={lease} today={today} /> : null}

      <PageSection headingId="lease-inspections-heading" heading={t('leases.detail.inspections')}>
        {lease.inspections.length === 0 ? (
          <Paragraph>{t('leases.detail.noInspections')}</Paragraph>
        ) : (
          lease.inspections.map((i) => (
            <div key={i.id} className="form-stack">
              <Heading level={3} data-size="2xs">
                {formatDate(i.inspectedOn)}
              </Heading>
              <List.Unordered aria-label={t('leases.detail.damages')}>
                {i.damages.map((d, index) => (
                  <List.Item key={index}>{`${d.description}: ${formatMoneyOre(d.costOre)}`}</List.Item>
                ))}
              </List.Unordered>
              <Paragraph>{`${t('leases.detail.totalCost')}: ${formatMoneyOre(i.totalCostOre)} · ${t('leases.detail.withheld')}: ${formatMoneyOre(i.depositWithheldOre)}`}</Paragraph>
              {i.notes ? <Paragraph>{i.notes}</Paragraph> : null}
            </div>
          ))
        )}
      </PageSection>
      {lease.actions.inspect ? <InspectionForm lease={lease} today={today} /> : null}
      {lease.actions.cancel ? <CancelLease lease={lease} /> : null}

      <LeaseLetters leaseId={lease.id} />
      <SubjectTasks subjectType="lease" subjectId={lease.id} />
    </>
  );
}

function CancelLease({ lease }: { lease: LeaseDto }) {
  const { t } = useI18n();
  const cancel = useCancelLease(lease.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <PageSection headingId="lease-cancel-heading" heading={t('leases.detail.cancel')}>
      <Paragraph>{t('leases.detail.cancelHelp')}</Paragraph>
      <SubmitFailure error={cancel.error} />
      {cancel.isSuccess ? (
        <SuccessNotice>{t('leases.detail.cancelled')}</SuccessNotice>
      ) : null}
      <div>
        {confirming ? (
          <Button type="button" data-color="danger" loading={cancel.isPending} onClick={() => cancel.mutate(undefined)}>
            {t('leases.detail.cancelConfirm')}
          </Button>
        ) : (
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            {t('leases.detail.cancel')}
          </Button>
        )}
      </div>
    </PageSection>
  );
}
