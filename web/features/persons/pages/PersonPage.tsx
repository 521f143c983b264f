import { Alert, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { personIdParams, type PersonDto } from '../../../../shared/api/persons';
import { formatDate, formatDateTime, type MessageKey } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { FactList } from '../../../components/FactList';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { DataSubjectRights } from '../components/DataSubjectRights';
import { PersonForm } from '../components/PersonForm';
import { SpecialCategories } from '../components/SpecialCategories';
import { birthDateText, languageName, nameLang } from '../person-format';
import { usePerson } from '../persons.api';

/** `/personer/:id` — one person's record (every display is audited by the server). */
export function PersonPage() {
  const { id } = useParams();
  const parsed = personIdParams.safeParse({ id });
  if (!parsed.success) return <NotFoundPage />;
  return <PersonDetail key={parsed.data.id} id={parsed.data.id} />;
}

function PersonDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const person = usePerson(id);
  usePageTitle(person.data?.fullName ?? t('persons.title'));
  if (isNoAccess(person.error)) return <NoAccessPage />;
  if (isApiError(person.error) && person.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <QueryContent error={person.error} data={person.data}>
      {(data) => <PersonBody person={data} />}
    </QueryContent>
  );
}

/** The person's name as entered: its own direction, and its language when we know it. */
export function PersonName({ person }: { person: Pick<PersonDto, 'fullName' | 'languages'> }) {
  return (
    <span dir="auto" lang={nameLang(person.fullName, person.languages)}>
      {person.fullName}
    </span>
  );
}

function PersonBody({ person }: { person: PersonDto }) {
  const { t, lang } = useI18n();
  const [saved, setSaved] = useState(false);
  const none = t('persons.facts.none');
  const date = (value: string | null) => (value ? formatDate(value) : none);
  const relation = (code: string) => {
    const key = `persons.relations.${code}`;
    const text = t(key as MessageKey);
    return text === key ? code : text;
  };
  const age =
    person.age === null
      ? none
      : person.birthDate?.precision === 'year'
        ? t('persons.facts.ageAtLeast', { age: person.age })
        : t('persons.facts.ageYears', { age: person.age });
  const editable = person.actions.update && person.anonymisedAt === null;

  return (
    <>
      <PageHeading>
        <PersonName person={person} />
      </PageHeading>
      <Paragraph>
        <RouterLink to="/husstander">{t('persons.toHouseholds')}</RouterLink>
      </Paragraph>
      {person.anonymisedAt ? (
        <Alert data-color="info" className="notice">
          <Paragraph>{t('persons.anonymised', { date: formatDate(person.anonymisedAt) })}</Paragraph>
        </Alert>
      ) : null}

      <PageSection headingId="person-facts-heading" heading={t('persons.facts.heading')}>
        <FactList
          facts={[
            { term: t('persons.facts.fullName'), value: <PersonName person={person} /> },
            { term: t('persons.facts.transliteration'), value: person.transliteration ?? none },
            {
              term: t('persons.facts.birthDate'),
              value: person.birthDate ? birthDateText(lang, person.birthDate) : none,
            },
            { term: t('persons.facts.age'), value: age },
            {
              term: t('persons.facts.identityNumber'),
              value:
                person.identityNumber === null
                  ? none
                  : person.identityNumberKind
                    ? t('persons.facts.identityWithKind', {
                        number: person.identityNumber,
                        kind: t(`persons.identityKinds.${person.identityNumberKind}`),
                      })
                    : person.identityNumber,
              mono: person.identityNumber !== null,
            },
            { term: t('persons.facts.dufNumber'), value: person.dufNumber ?? none, mono: person.dufNumber !== null },
            { term: t('persons.facts.nationality'), value: person.nationality ?? none },
            {
              term: t('persons.facts.refugeeCategory'),
              value: person.refugeeCategory ? t(`persons.refugeeCategories.${person.refugeeCategory}`) : none,
            },
            { term: t('persons.facts.receptionCentre'), value: person.receptionCentre ?? none },
            {
              term: t('persons.facts.household'),
              value: person.household ? (
                <RouterLink to={`/husstander/${person.household.id}`}>
                  {t('persons.facts.householdLink', {
                    reference: person.household.reference,
                    relation: relation(person.household.relation),
                  })}
                </RouterLink>
              ) : (
                t('persons.facts.noHousehold')
              ),
            },
          ]}
        />
      </PageSection>

      <PageSection headingId="person-dates-heading" heading={t('persons.dates.heading')}>
        <FactList
          facts={[
            { term: t('persons.dates.residencePermitDate'), value: date(person.residencePermitDate) },
            { term: t('persons.dates.arrivalDate'), value: date(person.arrivalDate) },
            { term: t('persons.dates.settlementDate'), value: date(person.settlementDate) },
            {
              term: t('persons.dates.introProgramme'),
              value: t(`persons.introProgrammeStatuses.${person.introProgramme}`),
            },
            { term: t('persons.dates.introProgrammeStart'), value: date(person.introProgrammeStart) },
            { term: t('persons.dates.introProgrammeEnd'), value: date(person.introProgrammeEnd) },
          ]}
        />
      </PageSection>

      <PageSection headingId="person-languages-heading" heading={t('persons.languages.heading')}>
        {person.languages.length === 0 ? (
          <Paragraph>{t('persons.languages.none')}</Paragraph>
        ) : (
          <ScrollTable labelledBy="person-languages-heading">
            <TableHeader
              columns={[
                t('persons.languages.language'),
                t('persons.languages.code'),
                t('persons.languages.interpreter'),
                t('persons.languages.letters'),
              ]}
            />
            <Table.Body>
              {person.languages.map((language) => (
                <Table.Row key={language.code}>
                  <Table.Cell>{languageName(lang, language.code)}</Table.Cell>
                  <Table.Cell className="mono">{language.code}</Table.Cell>
                  <Table.Cell>
                    {language.interpreterNeeded ? t('persons.languages.yes') : t('persons.languages.no')}
                  </Table.Cell>
                  <Table.Cell>
                    {language.preferredForLetters ? t('persons.languages.yes') : t('persons.languages.no')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        )}
      </PageSection>

      <IdentityHistory person={person} />

      {editable ? (
        <PersonForm
          key={person.version}
          person={person}
          saved={saved}
          onSubmitting={() => setSaved(false)}
          onSaved={() => setSaved(true)}
        />
      ) : null}

      {person.actions.readSpecialCategories.length > 0 && person.anonymisedAt === null ? (
        <SpecialCategories person={person} />
      ) : null}

      {person.actions.export || (person.actions.anonymise && person.anonymisedAt === null) ? (
        <DataSubjectRights person={person} />
      ) : null}
    </>
  );
}

function IdentityHistory({ person }: { person: PersonDto }) {
  const { t } = useI18n();
  const empty = t('persons.history.empty');
  return (
    <PageSection headingId="person-history-heading" heading={t('persons.history.heading')}>
      {person.identityHistory.length === 0 ? (
        <Paragraph>{t('persons.history.none')}</Paragraph>
      ) : (
        <ScrollTable labelledBy="person-history-heading">
          <TableHeader
            columns={[
              t('persons.history.changedAt'),
              t('persons.history.field'),
              t('persons.history.oldValue'),
              t('persons.history.newValue'),
              t('persons.history.reason'),
              t('persons.history.changedBy'),
            ]}
          />
          <Table.Body>
            {person.identityHistory.map((event, index) => (
              <Table.Row key={index}>
                <Table.Cell className="nowrap">{formatDateTime(event.changedAt)}</Table.Cell>
                <Table.Cell>{t(`persons.history.fields.${event.field}`)}</Table.Cell>
                <Table.Cell className="mono">{event.oldValue ?? empty}</Table.Cell>
                <Table.Cell className="mono">{event.newValue ?? empty}</Table.Cell>
                <Table.Cell>{event.reason || empty}</Table.Cell>
                <Table.Cell>{event.changedBy ?? empty}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      )}
    </PageSection>
  );
}
