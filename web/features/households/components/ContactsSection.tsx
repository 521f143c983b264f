import { Button, Details, Fieldset, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import {
  contactCardLanguages,
  contactInput,
  contactRoles,
  type ContactCardLanguage,
  type HouseholdDto,
} from '../../../../shared/api/households';
import { zodIssueCode } from '../../../../shared/api/issue-code';
import { hasErrorMessage } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { isVersionConflict, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import {
  codesByField,
  contactRequest,
  fieldId,
  pointerPath,
  refusalField,
  type ContactValues,
} from '../household-form';
import { contactCardPath, useReplaceContacts } from '../households.api';

/** Each card language in its own name and script (not translated: the reader must recognise it). */
export const nativeLanguageNames: Record<ContactCardLanguage, { name: string; dir: 'ltr' | 'rtl' }> = {
  nb: { name: 'Norsk bokmål', dir: 'ltr' },
  nn: { name: 'Norsk nynorsk', dir: 'ltr' },
  en: { name: 'English', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
  prs: { name: 'دری', dir: 'rtl' },
  ti: { name: 'ትግርኛ', dir: 'ltr' },
  uk: { name: 'Українська', dir: 'ltr' },
  so: { name: 'Soomaali', dir: 'ltr' },
};

const replaceRequest = z.strictObject({ contacts: z.array(contactInput).max(30) });
const prefix = 'contact';

/** The household's contacts: the list, the edit form (PUT, If-Match) and the contact card. */
export function ContactsSection({ household }: { household: HouseholdDto }) {
  const { t } = useI18n();
  // The form starts over from the saved contacts when they change (not when other fields do).
  const [saved, setSaved] = useState(false);
  return (
    <>
      <PageSection headingId="household-contacts-heading" heading={t('households.contacts.heading')}>
        <Paragraph>{t('households.contacts.help')}</Paragraph>
        {household.contacts.length === 0 ? (
          <Paragraph>{t('households.contacts.empty')}</Paragraph>
        ) : (
          <ScrollTable labelledBy="household-contacts-heading">
            <TableHeader
              columns={[
                t('households.contacts.role'),
                t('households.contacts.name'),
                t('households.contacts.phone'),
                t('households.contacts.email'),
                t('households.contacts.availability'),
              ]}
            />
            <Table.Body>
              {household.contacts.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{t(`households.contactRoles.${c.role}`)}</Table.Cell>
                  <Table.Cell>{c.name}</Table.Cell>
                  <Table.Cell className="nowrap">
                    {c.phone ? <Link href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</Link> : ''}
                  </Table.Cell>
                  <Table.Cell>{c.email ? <Link href={`mailto:${c.email}`}>{c.email}</Link> : ''}</Table.Cell>
                  <Table.Cell>{c.availability}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        )}
        {household.actions.update ? (
          <ContactsForm
            key={JSON.stringify(household.contacts)}
            household={household}
            saved={saved}
            onSaved={setSaved}
          />
        ) : null}
      </PageSection>
      {household.actions.contactCard ? <ContactCard householdId={household.id} /> : null}
    </>
  );
}

function ContactsForm({
  household,
  saved,
  onSaved: setSaved,
}: {
  household: HouseholdDto;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}) {
  const { t, errorText } = useI18n();
  const replace = useReplaceContacts(household.id);
  const nextKey = useRef(household.contacts.length);
  const [contacts, setContacts] = useState<ContactValues[]>(
    household.contacts.map((c, i) => ({
      key: `c${i}`,
      role: c.role,
      staffUserId: c.staffUserId,
      name: c.name,
      phone: c.phone,
      email: c.email,
      availability: c.availability,
    })),
  );
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const fields = ['role', 'name', 'phone', 'email', 'availability'] as const;

  const setContact = (index: number, field: keyof ContactValues, value: string) =>
    setContacts((list) => list.map((c, i) => (i === index ? { ...c, [field]: value } : c)));
  const order = ['contacts', ...contacts.flatMap((_, i) => fields.map((f) => `contacts.${i}.${f}`))];
  const items = order.flatMap((key) =>
    codes[key]
      ? [
          {
            fieldId: key === 'contacts' ? fieldId(prefix, 'add') : fieldId(prefix, key),
            message: errorText(codes[key]),
          },
        ]
      : [],
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (replace.isPending) return;
    setAttempt((n) => n + 1);
    setSaved(false);
    replace.reset();
    const parsed = replaceRequest.safeParse({ contacts: contacts.map(contactRequest) });
    if (!parsed.success) {
      setCodes(
        codesByField(
          parsed.error.issues.map((issue) => ({
            path: issue.path as (string | number)[],
            code: zodIssueCode(issue, hasErrorMessage),
          })),
        ),
      );
      return;
    }
    setCodes({});
    replace.mutate(
      { version: household.version, contacts: parsed.data.contacts },
      {
        onSuccess: () => setSaved(true),
        onError: (failure) => {
          if (!isApiError(failure) || failure.kind !== 'functional') return;
          const next = codesByField(failure.errors.map((p) => ({ path: pointerPath(p.pointer), code: p.code })));
          const field = refusalField[failure.code];
          if (field && Object.keys(next).length === 0) next[field] = failure.code;
          setCodes(next);
        },
      },
    );
  };

  return (
    <>
      {saved ? <SuccessNotice>{t('households.contacts.saved')}</SuccessNotice> : null}
      <Details defaultOpen={household.contacts.length === 0} className="households-details">
        <Details.Summary>{t('households.contacts.editHeading')}</Details.Summary>
        <Details.Content>
          {isVersionConflict(replace.error) ? (
            <Paragraph role="alert">{t('households.transitions.stale')}</Paragraph>
          ) : (
            <SubmitFailure error={replace.error} explained={items.length > 0} />
          )}
          <FormErrorSummary
            attempt={attempt}
            items={items}
            heading={t('households.form.errorSummaryHeading')}
            headingLevel={4}
          />
          <form noValidate onSubmit={submit} className="form-stack">
            {contacts.map((c, i) => {
              const id = (field: string) => fieldId(prefix, `contacts.${i}.${field}`);
              const error = (field: string) => {
                const code = codes[`contacts.${i}.${field}`];
                return code ? errorText(code) : undefined;
              };
              const number = i + 1;
              return (
                <Fieldset key={c.key} className="households-member">
                  <Fieldset.Legend>{t('households.contacts.contact', { number })}</Fieldset.Legend>
                  <div className="form-stack narrow">
                    <SelectField
                      id={id('role')}
                      label={t('households.contacts.role')}
                      value={c.role}
                      error={error('role')}
                      onChange={(e) => setContact(i, 'role', e.target.value)}
                    >
                      <CodeOptions codes={contactRoles} label={(r) => t(`households.contactRoles.${r}`)} />
                    </SelectField>
                    <Textfield
                      id={id('name')}
                      label={t('households.contacts.name')}
                      value={c.name}
                      error={error('name')}
                      required
                      onChange={(e) => setContact(i, 'name', e.target.value)}
                    />
                    <Textfield
                      id={id('phone')}
                      type="tel"
                      label={t('households.contacts.phone')}
                      value={c.phone}
                      error={error('phone')}
                      onChange={(e) => setContact(i, 'phone', e.target.value)}
                    />
                    <Textfield
                      id={id('email')}
                      type="email"
                      label={t('households.contacts.email')}
                      value={c.email}
                      error={error('email')}
                      onChange={(e) => setContact(i, 'email', e.target.value)}
                    />
                    <Textfield
                      id={id('availability')}
                      label={t('households.contacts.availability')}
                      value={c.availability}
                      error={error('availability')}
                      onChange={(e) => setContact(i, 'availability', e.target.value)}
                    />
                    <div>
                      <Button
                        type="button"
                        variant="tertiary"
                        onClick={() => setContacts((list) => list.filter((_, j) => j !== i))}
                      >
                        {t('households.contacts.remove', { number })}
                      </Button>
                    </div>
                  </div>
                </Fieldset>
              );
            })}
            {codes['contacts'] ? <Paragraph role="alert">{errorText(codes['contacts'])}</Paragraph> : null}
            <div>
              <Button
                id={fieldId(prefix, 'add')}
                type="button"
                variant="secondary"
                onClick={() =>
                  setContacts((list) => [
                    ...list,
                    {
                      key: `c${nextKey.current++}`,
                      role: 'settlement_worker',
                      staffUserId: null,
                      name: '',
                      phone: '',
                      email: '',
                      availability: '',
                    },
                  ])
                }
              >
                {t('households.contacts.add')}
              </Button>
            </div>
            <SubmitButton
              pending={replace.isPending}
              label={t('households.contacts.submit')}
              pendingLabel={t('households.contacts.submitting')}
            />
          </form>
        </Details.Content>
      </Details>
    </>
  );
}

/** "Skriv ut kontaktkort": the PDF in bokmål and the chosen language, downloaded as a file. */
function ContactCard({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState<ContactCardLanguage>('nb');
  const native = nativeLanguageNames[language];
  return (
    <PageSection headingId="household-card-heading" heading={t('households.card.heading')}>
      <Paragraph>{t('households.card.help')}</Paragraph>
      <div className="form-stack narrow">
        <SelectField
          id="contact-card-language"
          label={t('households.card.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as ContactCardLanguage)}
        >
          {contactCardLanguages.map((code) => (
            <option key={code} value={code} lang={code} dir={nativeLanguageNames[code].dir}>
              {nativeLanguageNames[code].name}
            </option>
          ))}
        </SelectField>
        <div>
          <Button asChild variant="secondary">
            <a id="contact-card-download" href={contactCardPath(householdId, language)} download>
              {t('households.card.download')}{' '}
              <span lang={language} dir={native.dir}>
                ({native.name})
              </span>
            </a>
          </Button>
        </div>
      </div>
    </PageSection>
  );
}
