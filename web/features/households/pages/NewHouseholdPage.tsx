import { Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { useNavigate } from 'react-router';
import {
  accessibilityNeeds,
  createHouseholdRequest,
  incomeSources,
  relations,
} from '../../../../shared/api/households';
import { zodIssueCode } from '../../../../shared/api/issue-code';
import { birthDatePrecisions, createPersonRequest, refugeeCategories } from '../../../../shared/api/persons';
import { isMinorOn } from '../../../../shared/domain/birth-date';
import { osloToday } from '../../../../shared/domain/calendar-date';
import { hasErrorMessage } from '../../../../shared/i18n';
import { isApiError } from '../../../app/api-client';
import { SubmitFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { CheckboxGroupField } from '../../../components/CheckboxGroupField';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageHeading } from '../../../components/PageHeading';
import { RouterLink } from '../../../components/RouterLink';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import {
  blankToNull,
  codesByField,
  emptyMember,
  fieldId,
  kronerToOre,
  memberRequest,
  pointerPath,
  refusalField,
  wholeNumber,
  type MemberValues,
} from '../household-form';
import { useCreateHousehold } from '../households.api';

const prefix = 'household';

/**
 * The request as this form sends it: every member a new person. Checked with this narrower
 * schema (not the contract's union of "existing person | new person") so a problem in a member's
 * fields is reported at that field.
 */
const newHouseholdRequest = createHouseholdRequest.extend({
  members: z
    .array(z.strictObject({ person: createPersonRequest, relation: z.enum(relations) }))
    .min(1)
    .max(40),
});

type CaseValues = {
  category: string;
  imdiCaseId: string;
  residencePermitDate: string;
  receptionCentre: string;
  plannedArrivalDate: string;
  guardianName: string;
  guardianPhone: string;
  guardianEmail: string;
  guardianAppointedOn: string;
  accessibility: string;
  location: string[];
  preferredArea: string;
  maxRent: string;
  incomeSources: string[];
  needsNotes: string;
  reunificationAdults: string;
  reunificationChildren: string;
  reunificationExpectedOn: string;
};

const initialCase: CaseValues = {
  category: 'resettlement_refugee',
  imdiCaseId: '',
  residencePermitDate: '',
  receptionCentre: '',
  plannedArrivalDate: '',
  guardianName: '',
  guardianPhone: '',
  guardianEmail: '',
  guardianAppointedOn: '',
  accessibility: '',
  location: [],
  preferredArea: '',
  maxRent: '',
  incomeSources: [],
  needsNotes: '',
  reunificationAdults: '',
  reunificationChildren: '',
  reunificationExpectedOn: '',
};

/** The order of the fields on the page, for the error summary. */
function fieldOrder(members: readonly MemberValues[]): string[] {
  return [
    'category',
    'imdiCaseId',
    'residencePermitDate',
    'receptionCentre',
    'plannedArrivalDate',
    'members',
    ...members.flatMap((_, i) =>
      ['fullName', 'transliteration', 'birthDate', 'identityNumber', 'dufNumber', 'relation'].map(
        (f) => `members.${i}.${f}`,
      ),
    ),
    'guardianName',
    'guardianPhone',
    'guardianEmail',
    'guardianAppointedOn',
    'accessibility',
    'nearSchool',
    'preferredArea',
    'maxRent',
    'incomeSources',
    'needsNotes',
    'reunificationAdults',
    'reunificationChildren',
    'reunificationExpectedOn',
  ];
}

/** `/husstander/ny`: a household with its members registered as new persons. */
export function NewHouseholdPage() {
  const { t, errorText } = useI18n();
  usePageTitle(t('households.create.title'));
  const can = useCan();
  const navigate = useNavigate();
  const create = useCreateHousehold();
  const nextKey = useRef(1);
  const [values, setValues] = useState<CaseValues>(initialCase);
  const [members, setMembers] = useState<MemberValues[]>([emptyMember('m0', 'main')]);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const writeNeeds = can('write:functional_needs:any');

  const set = <K extends keyof CaseValues>(key: K, value: CaseValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setMember = (index: number, key: keyof MemberValues, value: string) =>
    setMembers((list) => list.map((m, i) => (i === index ? { ...m, [key]: value } : m)));

  const today = osloToday(new Date());
  const mainIsMinor = members.some((m) => {
    if (m.relation !== 'main' || m.birthPrecision === '') return false;
    const date = m.birthPrecision === 'year' ? `${m.birthYear.trim()}-01-01` : m.birthDate;
    return /^\d{4}-\d{2}-\d{2}$/.test(date) && isMinorOn({ date, precision: m.birthPrecision }, today);
  });
  const showGuardian = values.category === 'unaccompanied_minor' || mainIsMinor || values.guardianName !== '';

  const message = (key: string, code: string): string => {
    if (key === 'maxRent' && code === 'maxRent.invalid') return t('households.form.maxRentInvalid');
    if (code === 'number.invalid') return t('households.form.numberInvalid');
    return errorText(code);
  };
  const error = (key: string) => (codes[key] ? message(key, codes[key]) : undefined);
  const id = (key: string) => fieldId(prefix, key);
  const summaryItems = fieldOrder(members).flatMap((key) =>
    codes[key]
      ? [{ fieldId: key === 'members' ? id('members.0.relation') : id(key), message: message(key, codes[key]) }]
      : [],
  );
  const explained = summaryItems.length > 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setAttempt((n) => n + 1);
    create.reset();
    const local: Record<string, string> = {};
    const maxRentOre = kronerToOre(values.maxRent);
    if (maxRentOre === undefined) local['maxRent'] = 'maxRent.invalid';
    const number = (key: 'reunificationAdults' | 'reunificationChildren') => {
      const n = wholeNumber(values[key]);
      if (typeof n === 'string') local[key] = 'number.invalid';
      return typeof n === 'number' ? n : undefined;
    };
    const request = {
      category: values.category,
      imdiCaseId: blankToNull(values.imdiCaseId),
      residencePermitDate: blankToNull(values.residencePermitDate),
      receptionCentre: blankToNull(values.receptionCentre),
      plannedArrivalDate: blankToNull(values.plannedArrivalDate),
      ...(showGuardian && values.guardianName.trim()
        ? {
            guardianName: values.guardianName.trim(),
            guardianPhone: values.guardianPhone.trim(),
            guardianEmail: values.guardianEmail.trim(),
            guardianAppointedOn: blankToNull(values.guardianAppointedOn),
          }
        : {}),
      ...(writeNeeds && values.accessibility ? { accessibility: values.accessibility } : {}),
      nearSchool: values.location.includes('nearSchool'),
      nearKindergarten: values.location.includes('nearKindergarten'),
      nearIntroSite: values.location.includes('nearIntroSite'),
      preferredArea: values.preferredArea.trim(),
      ...(maxRentOre !== undefined ? { maxRentOre } : {}),
      incomeSources: values.incomeSources,
      needsNotes: values.needsNotes.trim(),
      reunificationAdults: number('reunificationAdults'),
      reunificationChildren: number('reunificationChildren'),
      reunificationExpectedOn: blankToNull(values.reunificationExpectedOn),
      members: members.map(memberRequest),
    };
    const parsed = newHouseholdRequest.safeParse(
      Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)),
    );
    const found = parsed.success
      ? {}
      : codesByField(
          parsed.error.issues.map((issue) => ({
            path: issue.path as (string | number)[],
            code: zodIssueCode(issue, hasErrorMessage),
          })),
        );
    const all = { ...found, ...local };
    setCodes(all);
    if (!parsed.success || Object.keys(local).length > 0) return;
    create.mutate(parsed.data, {
      onSuccess: (created) => navigate(`/husstander/${created.id}`),
      onError: (failure) => {
        if (!isApiError(failure) || failure.kind !== 'functional') return;
        const next = codesByField(failure.errors.map((p) => ({ path: pointerPath(p.pointer), code: p.code })));
        const field = refusalField[failure.code];
        if (field && !next[field]) next[field] = failure.code;
        // A problem with a member's person without a usable pointer: at the first member's name.
        if (Object.keys(next).length === 0 && failure.code.startsWith('person.'))
          next['members.0.fullName'] = failure.code;
        setCodes(next);
      },
    });
  };

  const addMember = () => {
    const key = `m${nextKey.current++}`;
    setMembers((list) => [...list, emptyMember(key, 'child')]);
  };
  const removeMember = (index: number) => setMembers((list) => list.filter((_, i) => i !== index));

  return (
    <>
      <PageHeading lead={t('households.create.intro')}>{t('households.create.title')}</PageHeading>
      <Paragraph>
        <RouterLink to="/husstander">{t('households.create.back')}</RouterLink>
      </Paragraph>
      <SubmitFailure error={create.error} explained={explained} />
      <FormErrorSummary attempt={attempt} items={summaryItems} heading={t('households.form.errorSummaryHeading')} />
      <form noValidate onSubmit={submit} className="form-stack">
        <Fieldset>
          <Fieldset.Legend>
            <Heading level={2} data-size="sm">
              {t('households.create.caseHeading')}
            </Heading>
          </Fieldset.Legend>
          <div className="form-stack narrow">
            <SelectField
              id={id('category')}
              label={t('households.form.category')}
              value={values.category}
              error={error('category')}
              onChange={(e) => set('category', e.target.value)}
            >
              <CodeOptions codes={refugeeCategories} label={(c) => t(`households.categories.${c}`)} />
            </SelectField>
            <Textfield
              id={id('imdiCaseId')}
              label={t('households.form.imdiCaseId')}
              value={values.imdiCaseId}
              error={error('imdiCaseId')}
              autoComplete="off"
              onChange={(e) => set('imdiCaseId', e.target.value)}
            />
            <Textfield
              id={id('residencePermitDate')}
              type="date"
              label={t('households.form.residencePermitDate')}
              description={t('households.form.residencePermitDateHelp')}
              value={values.residencePermitDate}
              error={error('residencePermitDate')}
              onChange={(e) => set('residencePermitDate', e.target.value)}
            />
            <Textfield
              id={id('receptionCentre')}
              label={t('households.form.receptionCentre')}
              value={values.receptionCentre}
              error={error('receptionCentre')}
              onChange={(e) => set('receptionCentre', e.target.value)}
            />
            <Textfield
              id={id('plannedArrivalDate')}
              type="date"
              label={t('households.form.plannedArrivalDate')}
              value={values.plannedArrivalDate}
              error={error('plannedArrivalDate')}
              onChange={(e) => set('plannedArrivalDate', e.target.value)}
            />
          </div>
        </Fieldset>

        <section aria-labelledby="household-members-heading" className="section">
          <Heading level={2} data-size="sm" id="household-members-heading">
            {t('households.create.membersHeading')}
          </Heading>
          <Paragraph>{t('households.create.membersHelp')}</Paragraph>
          {codes['members'] ? (
            <Paragraph className="households-error" role="alert">
              {message('members', codes['members'])}
            </Paragraph>
          ) : null}
          {members.map((m, i) => (
            <MemberFields
              key={m.key}
              index={i}
              member={m}
              error={(field) => error(`members.${i}.${field}`)}
              onChange={(field, value) => setMember(i, field, value)}
              onRemove={members.length > 1 ? () => removeMember(i) : undefined}
            />
          ))}
          <div>
            <Button type="button" variant="secondary" onClick={addMember}>
              {t('households.create.addMember')}
            </Button>
          </div>
        </section>

        {showGuardian ? (
          <Fieldset>
            <Fieldset.Legend>
              <Heading level={2} data-size="sm">
                {t('households.create.guardianHeading')}
              </Heading>
            </Fieldset.Legend>
            <Fieldset.Description>{t('households.create.guardianHelp')}</Fieldset.Description>
            <div className="form-stack narrow">
              <Textfield
                id={id('guardianName')}
                label={t('households.form.guardianName')}
                value={values.guardianName}
                error={error('guardianName')}
                onChange={(e) => set('guardianName', e.target.value)}
              />
              <Textfield
                id={id('guardianPhone')}
                type="tel"
                label={t('households.form.guardianPhone')}
                value={values.guardianPhone}
                error={error('guardianPhone')}
                onChange={(e) => set('guardianPhone', e.target.value)}
              />
              <Textfield
                id={id('guardianEmail')}
                type="email"
                label={t('households.form.guardianEmail')}
                value={values.guardianEmail}
                error={error('guardianEmail')}
                onChange={(e) => set('guardianEmail', e.target.value)}
              />
              <Textfield
                id={id('guardianAppointedOn')}
                type="date"
                label={t('households.form.guardianAppointedOn')}
                value={values.guardianAppointedOn}
                error={error('guardianAppointedOn')}
                onChange={(e) => set('guardianAppointedOn', e.target.value)}
              />
            </div>
          </Fieldset>
        ) : null}

        <Fieldset>
          <Fieldset.Legend>
            <Heading level={2} data-size="sm">
              {t('households.create.needsHeading')}
            </Heading>
          </Fieldset.Legend>
          <div className="form-stack narrow">
            {writeNeeds ? (
              <SelectField
                id={id('accessibility')}
                label={t('households.form.accessibility')}
                value={values.accessibility}
                error={error('accessibility')}
                onChange={(e) => set('accessibility', e.target.value)}
              >
                <option value="">{t('households.none')}</option>
                <CodeOptions codes={accessibilityNeeds} label={(a) => t(`households.accessibility.${a}`)} />
              </SelectField>
            ) : null}
            <CheckboxGroupField
              id={id('nearSchool')}
              legend={t('households.form.locationLegend')}
              options={(['nearSchool', 'nearKindergarten', 'nearIntroSite'] as const).map((k) => ({
                value: k,
                label: t(`households.form.${k}`),
              }))}
              value={values.location}
              onChange={(v) => set('location', v)}
            />
            <Textfield
              id={id('preferredArea')}
              label={t('households.form.preferredArea')}
              value={values.preferredArea}
              error={error('preferredArea')}
              onChange={(e) => set('preferredArea', e.target.value)}
            />
            <Textfield
              id={id('maxRent')}
              label={t('households.form.maxRent')}
              inputMode="decimal"
              value={values.maxRent}
              error={error('maxRent')}
              onChange={(e) => set('maxRent', e.target.value)}
            />
            <CheckboxGroupField
              id={id('incomeSources')}
              legend={t('households.form.incomeSources')}
              options={incomeSources.map((s) => ({ value: s, label: t(`households.incomeSources.${s}`) }))}
              value={values.incomeSources}
              error={error('incomeSources')}
              onChange={(v) => set('incomeSources', v)}
            />
            <Textfield
              id={id('needsNotes')}
              label={t('households.form.needsNotes')}
              multiline
              rows={3}
              value={values.needsNotes}
              error={error('needsNotes')}
              onChange={(e) => set('needsNotes', e.target.value)}
            />
            <Textfield
              id={id('reunificationAdults')}
              label={t('households.form.reunificationAdults')}
              inputMode="numeric"
              value={values.reunificationAdults}
              error={error('reunificationAdults')}
              onChange={(e) => set('reunificationAdults', e.target.value)}
            />
            <Textfield
              id={id('reunificationChildren')}
              label={t('households.form.reunificationChildren')}
              inputMode="numeric"
              value={values.reunificationChildren}
              error={error('reunificationChildren')}
              onChange={(e) => set('reunificationChildren', e.target.value)}
            />
            <Textfield
              id={id('reunificationExpectedOn')}
              type="date"
              label={t('households.form.reunificationExpectedOn')}
              value={values.reunificationExpectedOn}
              error={error('reunificationExpectedOn')}
              onChange={(e) => set('reunificationExpectedOn', e.target.value)}
            />
          </div>
        </Fieldset>
        <SubmitButton
          pending={create.isPending}
          label={t('households.create.submit')}
          pendingLabel={t('households.create.submitting')}
        />
      </form>
    </>
  );
}

function MemberFields({
  index,
  member,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  member: MemberValues;
  error: (field: string) => string | undefined;
  onChange: (field: keyof MemberValues, value: string) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const id = (field: string) => fieldId(prefix, `members.${index}.${field}`);
  const number = index + 1;
  return (
    <Fieldset className="households-member">
      <Fieldset.Legend>
        <Heading level={3} data-size="xs">
          {t('households.create.member', { number })}
        </Heading>
      </Fieldset.Legend>
      <div className="form-stack narrow">
        <SelectField
          id={id('relation')}
          label={t('households.create.relation')}
          value={member.relation}
          error={error('relation')}
          onChange={(e) => onChange('relation', e.target.value)}
        >
          <CodeOptions codes={relations} label={(r) => t(`households.relations.${r}`)} />
        </SelectField>
        <Textfield
          id={id('fullName')}
          label={t('households.create.fullName')}
          value={member.fullName}
          error={error('fullName')}
          dir="auto"
          autoComplete="off"
          required
          onChange={(e) => onChange('fullName', e.target.value)}
        />
        <Textfield
          id={id('transliteration')}
          label={t('households.create.transliteration')}
          value={member.transliteration}
          error={error('transliteration')}
          autoComplete="off"
          onChange={(e) => onChange('transliteration', e.target.value)}
        />
        <SelectField
          id={id('birthPrecision')}
          label={t('households.create.birthPrecision')}
          value={member.birthPrecision}
          onChange={(e) => onChange('birthPrecision', e.target.value)}
        >
          <option value="">{t('households.birthPrecisions.unknown')}</option>
          <CodeOptions codes={birthDatePrecisions} label={(p) => t(`households.birthPrecisions.${p}`)} />
        </SelectField>
        {member.birthPrecision === 'year' ? (
          <Textfield
            id={id('birthDate')}
            label={t('households.create.birthYear')}
            inputMode="numeric"
            value={member.birthYear}
            error={error('birthDate')}
            onChange={(e) => onChange('birthYear', e.target.value)}
          />
        ) : member.birthPrecision !== '' ? (
          <Textfield
            id={id('birthDate')}
            type="date"
            label={t('households.create.birthDate')}
            value={member.birthDate}
            error={error('birthDate')}
            onChange={(e) => onChange('birthDate', e.target.value)}
          />
        ) : null}
        <Textfield
          id={id('identityNumber')}
          label={t('households.create.identityNumber')}
          inputMode="numeric"
          autoComplete="off"
          value={member.identityNumber}
          error={error('identityNumber')}
          onChange={(e) => onChange('identityNumber', e.target.value)}
        />
        <Textfield
          id={id('dufNumber')}
          label={t('households.create.dufNumber')}
          inputMode="numeric"
          autoComplete="off"
          value={member.dufNumber}
          error={error('dufNumber')}
          onChange={(e) => onChange('dufNumber', e.target.value)}
        />
        {onRemove ? (
          <div>
            <Button type="button" variant="tertiary" onClick={onRemove}>
              {t('households.create.removeMember', { number })}
            </Button>
          </div>
        ) : null}
      </div>
    </Fieldset>
  );
}
