import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { householdIdParams, type HouseholdDto, type MemberDto } from '../../../../shared/api/households';
import { formatDate, formatDateTime, formatMoneyOre, formatNumber } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { FactList } from '../../../components/FactList';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { AllocationSection } from '../components/AllocationSection';
import { ChecklistSection, OtherTasksSection } from '../components/ChecklistSection';
import { DueDate, StateTag, useDaysLeftText } from '../components/Clock';
import { ContactsSection } from '../components/ContactsSection';
import { ArrivalForm, HouseholdEditForm } from '../components/HouseholdForms';
import { TransitionSection } from '../components/TransitionSection';
import { useHousehold } from '../households.api';

/** `/husstander/:id` */
export function HouseholdPage() {
  const { id } = useParams();
  const parsed = householdIdParams.safeParse({ id });
  if (!parsed.success) return <NotFoundPage />;
  return <HouseholdDetail key={parsed.data.id} id={parsed.data.id} />;
}

function HouseholdDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const household = useHousehold(id);
  // The reference, not a name: the title ends up in the browser's history.
  usePageTitle(
    household.data ? t('households.detail.title', { reference: household.data.reference }) : t('households.title'),
  );
  if (isNoAccess(household.error)) return <NoAccessPage />;
  if (isApiError(household.error) && household.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <QueryContent error={household.error} data={household.data}>
      {(data) => <HouseholdBody household={data} />}
    </QueryContent>
  );
}

function HouseholdBody({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  const can = useCan();
  const daysLeft = useDaysLeftText();
  const [arrivalSaved, setArrivalSaved] = useState(false);
  const none = t('households.none');
  const date = (value: string | null) => (value ? formatDate(value) : none);
  const main = household.members.find((m) => m.relation === 'main' && m.leftOn === null);
  const clock = household.clock;
  const isEm = household.category === 'unaccompanied_minor';

  return (
    <>
      <PageHeading>
        {t('households.detail.title', { reference: household.reference })}
        {main ? (
          <>
            {' – '}
            <span dir="auto">{main.fullName}</span>
          </>
        ) : null}
      </PageHeading>
      <Paragraph>
        <RouterLink to="/husstander">{t('households.detail.back')}</RouterLink>
      </Paragraph>

      <PageSection headingId="household-status-heading" heading={t('households.detail.statusHeading')}>
        <FactList
          facts={[
            { term: t('households.detail.state'), value: <StateTag state={household.state} /> },
            { term: t('households.detail.stateSince'), value: formatDate(household.stateChangedAt) },
            {
              term: t('households.clock.daysWaiting'),
              value: clock.daysWaiting === null ? t('households.clock.noPermitDate') : formatNumber(clock.daysWaiting),
            },
            {
              term: t('households.clock.dueDate'),
              value: (
                <>
                  <DueDate clock={clock} />
                  {clock.stopped
                    ? ` (${t('households.clock.stopped')})`
                    : daysLeft(clock)
                      ? ` – ${daysLeft(clock)}`
                      : ''}
                </>
              ),
            },
            {
              term: t('households.clock.basis'),
              value: clock.basis ? t(`households.clock.bases.${clock.basis}`) : none,
            },
          ]}
        />
      </PageSection>

      <TransitionSection household={household} />

      {can('read:allocation:unit') ? <AllocationSection householdId={household.id} /> : null}

      <PageSection headingId="household-case-heading" heading={t('households.detail.caseHeading')}>
        <FactList
          facts={[
            { term: t('households.detail.category'), value: t(`households.categories.${household.category}`) },
            { term: t('households.detail.imdiCaseId'), value: household.imdiCaseId ?? none, mono: true },
            { term: t('households.detail.responsibleUnit'), value: household.responsibleUnit.name },
            { term: t('households.detail.proposedOn'), value: formatDate(household.proposedOn) },
            { term: t('households.detail.residencePermitDate'), value: date(household.residencePermitDate) },
            { term: t('households.detail.receptionCentre'), value: household.receptionCentre ?? none },
            { term: t('households.detail.plannedArrivalDate'), value: date(household.plannedArrivalDate) },
            { term: t('households.detail.arrivalDate'), value: date(household.arrivalDate) },
            { term: t('households.detail.settlementDate'), value: date(household.settlementDate) },
            {
              term: t('households.detail.reservedDwelling'),
              value: household.reservedDwelling ? (
                <RouterLink to={`/boliger/${household.reservedDwelling.id}`}>
                  {household.reservedDwelling.reference}, {household.reservedDwelling.address}
                </RouterLink>
              ) : (
                none
              ),
            },
            {
              term: t('households.detail.sharedHousing'),
              value: household.sharedHousing ? t('households.yes') : t('households.no'),
            },
          ]}
        />
      </PageSection>

      <MembersSection household={household} />

      <PageSection headingId="household-composition-heading" heading={t('households.composition.heading')}>
        <FactList
          facts={[
            {
              term: t('households.composition.kind'),
              value: t(`households.compositionKinds.${household.composition.kind}`),
            },
            { term: t('households.composition.size'), value: formatNumber(household.composition.size) },
            {
              term: t('households.composition.adultsAndChildren'),
              value: t('households.composition.adultsAndChildrenValue', {
                adults: household.composition.adults,
                children: household.composition.children,
              }),
            },
            { term: t('households.composition.bedrooms'), value: formatNumber(household.bedrooms.now) },
            {
              term: t('households.composition.bedroomsWithReunification'),
              value: formatNumber(household.bedrooms.withReunification),
            },
            {
              term: t('households.composition.reunification'),
              value:
                household.reunification.adults + household.reunification.children === 0
                  ? t('households.composition.noReunification')
                  : t('households.composition.reunificationValue', {
                      adults: household.reunification.adults,
                      children: household.reunification.children,
                    }),
            },
            {
              term: t('households.composition.reunificationExpectedOn'),
              value: date(household.reunification.expectedOn),
            },
          ]}
        />
      </PageSection>

      {isEm || household.guardian || household.ageOut.length > 0 ? <GuardianSection household={household} /> : null}

      <NeedsSection household={household} />

      {household.actions.update ? (
        <ArrivalForm
          key={household.arrivalDate ?? ''}
          household={household}
          saved={arrivalSaved}
          onSaved={setArrivalSaved}
        />
      ) : null}

      <ChecklistSection householdId={household.id} arrivalDate={household.arrivalDate} />

      <ContactsSection household={household} />

      <HistorySection household={household} />

      <OtherTasksSection householdId={household.id} />
    </>
  );
}

function birthDateText(t: ReturnType<typeof useI18n>['t'], member: MemberDto): string {
  const b = member.birthDate;
  if (!b) return t('households.none');
  if (b.precision === 'year') return t('households.birthDateYear', { year: b.date.slice(0, 4) });
  if (b.precision === 'jan1_convention') return t('households.birthDateJan1', { date: formatDate(b.date) });
  return formatDate(b.date);
}

function MembersSection({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  return (
    <PageSection headingId="household-members-heading" heading={t('households.members.heading')}>
      <ScrollTable labelledBy="household-members-heading">
        <TableHeader
          columns={[
            t('households.members.name'),
            t('households.members.relation'),
            t('households.members.birthDate'),
            { label: t('households.members.age'), numeric: true },
            t('households.members.languages'),
          ]}
        />
        <Table.Body>
          {household.members.map((m) => (
            <Table.Row key={m.personId}>
              <Table.Cell>
                <RouterLink to={`/personer/${m.personId}`}>
                  <span dir="auto">{m.fullName}</span>
                </RouterLink>
                {m.transliteration ? (
                  <>
                    <br />
                    <span className="households-muted">{m.transliteration}</span>
                  </>
                ) : null}
                {m.leftOn ? (
                  <>
                    <br />
                    {t('households.members.left', { date: formatDate(m.leftOn) })}
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>{t(`households.relations.${m.relation}`)}</Table.Cell>
              <Table.Cell className="nowrap">{birthDateText(t, m)}</Table.Cell>
              <Table.Cell className="numeric">
                {m.age === null ? '' : formatNumber(m.age)}
                {m.isMinor ? ` (${t('households.members.minor')})` : ''}
              </Table.Cell>
              <Table.Cell>
                {m.languages
                  .map((l) => (l.interpreterNeeded ? `${l.code} (${t('households.members.interpreter')})` : l.code))
                  .join(', ')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollTable>
    </PageSection>
  );
}

function GuardianSection({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  const g = household.guardian;
  return (
    <PageSection headingId="household-guardian-heading" heading={t('households.guardian.heading')}>
      {g ? (
        <FactList
          facts={[
            { term: t('households.guardian.name'), value: g.name },
            { term: t('households.guardian.phone'), value: g.phone || t('households.none') },
            { term: t('households.guardian.email'), value: g.email || t('households.none') },
            {
              term: t('households.guardian.appointedOn'),
              value: g.appointedOn ? formatDate(g.appointedOn) : t('households.none'),
            },
          ]}
        />
      ) : (
        <Paragraph>{t('households.guardian.missing')}</Paragraph>
      )}
      {household.ageOut.length > 0 ? (
        <>
          <Paragraph>{t('households.guardian.ageOutHelp')}</Paragraph>
          <FactList
            facts={household.ageOut.map((a) => ({
              term: t('households.guardian.ageOut', { age: a.age }),
              value: formatDate(a.date),
            }))}
          />
        </>
      ) : null}
    </PageSection>
  );
}

function NeedsSection({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  const n = household.needs;
  const none = t('households.none');
  const location = [
    n.nearSchool ? t('households.needs.nearSchool') : null,
    n.nearKindergarten ? t('households.needs.nearKindergarten') : null,
    n.nearIntroSite ? t('households.needs.nearIntroSite') : null,
  ].filter((s): s is string => s !== null);
  return (
    <PageSection headingId="household-needs-heading" heading={t('households.needs.heading')}>
      <FactList
        facts={[
          {
            term: t('households.needs.accessibility'),
            value: household.actions.readFunctionalNeeds
              ? n.accessibility
                ? t(`households.accessibility.${n.accessibility}`)
                : none
              : t('households.needs.accessibilityHidden'),
          },
          {
            term: t('households.needs.supportNeed'),
            value: household.actions.readFunctionalNeeds
              ? household.needs.supportNeed === null
                ? none
                : household.needs.supportNeed
                  ? t('households.yes')
                  : t('households.no')
              : t('households.needs.accessibilityHidden'),
          },
          {
            term: t('households.needs.location'),
            value: location.length ? location.join(', ') : t('households.needs.noLocation'),
          },
          { term: t('households.needs.preferredArea'), value: n.preferredArea || none },
          { term: t('households.needs.maxRent'), value: n.maxRentOre === null ? none : formatMoneyOre(n.maxRentOre) },
          {
            term: t('households.needs.incomeSources'),
            value: household.incomeSources.length
              ? household.incomeSources.map((s) => t(`households.incomeSources.${s}`)).join(', ')
              : none,
          },
          { term: t('households.needs.notes'), value: n.notes || none },
        ]}
      />
      {household.actions.update ? <HouseholdEditForm household={household} /> : null}
    </PageSection>
  );
}

function HistorySection({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  const state = (s: HouseholdDto['state']) => t(`households.states.${s}`);
  return (
    <PageSection headingId="household-history-heading" heading={t('households.history.heading')}>
      {household.history.length === 0 ? (
        <Paragraph>{t('households.history.empty')}</Paragraph>
      ) : (
        <ScrollTable labelledBy="household-history-heading">
          <TableHeader
            columns={[
              t('households.history.occurredAt'),
              t('households.history.change'),
              t('households.history.effectiveOn'),
              t('households.history.dwelling'),
              t('households.history.actor'),
              t('households.history.reason'),
            ]}
          />
          <Table.Body>
            {household.history.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell className="nowrap">{formatDateTime(e.occurredAt)}</Table.Cell>
                <Table.Cell>
                  {e.fromState === null
                    ? t('households.history.created', { state: state(e.toState) })
                    : t('households.history.changed', { from: state(e.fromState), to: state(e.toState) })}
                </Table.Cell>
                <Table.Cell className="nowrap">{formatDate(e.effectiveOn)}</Table.Cell>
                <Table.Cell>
                  {e.dwelling ? <RouterLink to={`/boliger/${e.dwelling.id}`}>{e.dwelling.reference}</RouterLink> : ''}
                </Table.Cell>
                <Table.Cell>{e.actorName ?? t('households.history.system')}</Table.Cell>
                <Table.Cell>{e.reason}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      )}
    </PageSection>
  );
}
