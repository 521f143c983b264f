import { Alert, Button, Checkbox, Fieldset, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  createLeaseRequest,
  legalBases,
  securityKinds,
  type CreateLeaseRequest,
  type LeaseKind,
  type TermWarningDto,
} from '../../../../../shared/api/leases';
import { termWarnings, validateDeposit } from '../../../../../shared/domain/lease-rules';
import { formatDate, formatMoneyOre } from '../../../../../shared/i18n';
import { SubmitFailure } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { useCan } from '../../../../app/permissions';
import { useForm } from '../../../../app/use-form';
import { FormErrorSummary } from '../../../../components/FormErrorSummary';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { CodeOptions, SelectField } from '../../../../components/SelectField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { kronerToOre } from '../components/money';
import { TermWarnings } from '../components/TermWarnings';
import {
  useCreateLease,
  useDwellingLeases,
  useDwellingSearch,
  useLandlordOptions,
  usePersonSearch,
  useStaffOptions,
} from '../leases.api';

const fieldIds = {
  kind: 'lease-kind-head',
  dwellingId: 'lease-dwelling',
  landlordId: 'lease-landlord',
  headLeaseId: 'lease-head',
  tenantPersonId: 'lease-tenant-search',
  tenant: 'lease-tenant-name',
  startDate: 'lease-start',
  endDate: 'lease-end',
  legalBasis: 'lease-basis',
  rentOre: 'lease-rent',
  freeOfChargeReason: 'lease-free-reason',
  depositOre: 'lease-deposit',
  securityKind: 'lease-security',
  signedByUserId: 'lease-signer',
  signedOn: 'lease-signed-on',
  reference: 'lease-reference',
  notes: 'lease-notes',
} as const;

const kinds: LeaseKind[] = ['head', 'sub', 'direct'];

/** `/kontrakter/ny`: kind first, then dwelling and parties, period, basis, money, signer. */
export function NewLeasePage() {
  const { t, errorText } = useI18n();
  usePageTitle(t('leases.form.heading'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const canReadPersons = useCan()('read:person:any');
  const create = useCreateLease();
  const [tenantMode, setTenantMode] = useState<'existing' | 'new'>(canReadPersons ? 'existing' : 'new');
  const [openEnded, setOpenEnded] = useState(false);
  const [dwellingQuery, setDwellingQuery] = useState('');
  const [personQuery, setPersonQuery] = useState('');
  const [personSearch, setPersonSearch] = useState('');
  const [chosenPerson, setChosenPerson] = useState<{ id: string; name: string } | null>(null);
  const [tenantName, setTenantName] = useState('');
  const [tenantBirth, setTenantBirth] = useState('');
  const [tenantIdNumber, setTenantIdNumber] = useState('');
  const form = useForm({
    initial: {
      kind: '',
      dwellingId: params.get('dwellingId') ?? '',
      landlordId: '',
      headLeaseId: '',
      tenantPersonId: '',
      tenant: '',
      startDate: '',
      endDate: '',
      legalBasis: 'hl_9_3',
      rentOre: '',
      freeOfChargeReason: '',
      depositOre: '',
      securityKind: 'deposit',
      signedByUserId: '',
      signedOn: '',
      reference: '',
      notes: '',
    },
    fieldIds,
    refusalFields: {
      'lease.overlap': 'startDate',
      'lease.tenant_has_active_lease': 'tenantPersonId',
      'dwelling.not_lettable': 'dwellingId',
      'resource.not_found': 'dwellingId',
      'lease.reference_taken': 'reference',
    },
    message: (field, code) => {
      if ((field === 'rentOre' || field === 'depositOre') && code === 'invalid_type') return t('leases.form.invalidAmount');
      return errorText(code);
    },
  });
  const kind = form.values.kind as LeaseKind | '';
  const dwellings = useDwellingSearch(dwellingQuery);
  const dwellingLeases = useDwellingLeases(form.values.dwellingId || undefined, kind === 'sub');
  const landlords = useLandlordOptions();
  const staff = useStaffOptions();
  const persons = usePersonSearch(personSearch);

  const rentOre = kronerToOre(form.values.rentOre);
  const depositOre = form.values.depositOre.trim() === '' ? 0 : kronerToOre(form.values.depositOre);
  // Live, the same pure rules the server applies: § 3-5 limit and the term warnings.
  const depositCheck = rentOre !== null && rentOre >= 0 && depositOre !== null ? validateDeposit({ depositOre, monthlyRentOre: rentOre }) : null;
  const end = openEnded ? null : form.values.endDate || null;
  const basis = openEnded ? 'open_ended' : (form.values.legalBasis as 'hl_9_3' | 'hl_11_1');
  const term = kind && form.values.startDate && (end || openEnded) ? termWarnings({ start: form.values.startDate, end, basis, municipalLandlord: kind !== 'head' }) : null;
  const warnings: TermWarningDto[] = term?.ok ? term.warnings : [];
  const headLeases = (dwellingLeases.data?.current ?? []).filter((l) => l.kind === 'head');

  const payload = (): Record<string, unknown> => {
    const body: Record<string, unknown> = {
      kind: form.values.kind || undefined,
      dwellingId: form.values.dwellingId || undefined,
      startDate: form.values.startDate || undefined,
      endDate: end,
      legalBasis: basis,
      rentOre: rentOre ?? undefined,
      depositOre: depositOre ?? undefined,
      securityKind: form.values.securityKind,
    };
    if (kind === 'head') body.landlordId = form.values.landlordId || null;
    if (kind === 'sub') body.headLeaseId = form.values.headLeaseId || null;
    if (kind === 'sub' || kind === 'direct') {
      if (tenantMode === 'existing') body.tenantPersonId = chosenPerson?.id ?? null;
      else
        body.tenant = {
          fullName: tenantName,
          ...(tenantBirth ? { birthDate: tenantBirth } : {}),
          ...(tenantIdNumber.trim() ? { identityNumber: tenantIdNumber.trim() } : {}),
        };
    }
    if (rentOre === 0 && form.values.freeOfChargeReason.trim()) body.freeOfChargeReason = form.values.freeOfChargeReason;
    if (form.values.signedByUserId) body.signedByUserId = form.values.signedByUserId;
    if (form.values.signedOn) body.signedOn = form.values.signedOn;
    if (form.values.reference.trim()) body.reference = form.values.reference.trim();
    if (form.values.notes.trim()) body.notes = form.values.notes;
    return body;
  };

  const submit = () => {
    create.reset();
    const request = form.validate(createLeaseRequest, payload());
    if (request === null) return;
    create.mutate(request as CreateLeaseRequest, {
      onSuccess: (result) => navigate(`/kontrakter/${result.id}`, { state: { created: result.reference, warnings: result.warnings } }),
      onError: form.showRefusal,
    });
  };

  return (
    <>
      <PageHeading>{t('leases.form.heading')}</PageHeading>
      <Paragraph>
        <RouterLink to="/kontrakter">{t('leases.detail.back')}</RouterLink>
      </Paragraph>
      <PageSection headingId="new-lease-heading" heading={t('leases.form.heading')}>
        <SubmitFailure error={create.error} explained={form.hasFieldExplanation} />
        <FormErrorSummary {...form.summary} heading={t('leases.form.errorSummaryHeading')} headingLevel={3} />
        <form noValidate onSubmit={form.submitHandler(submit, create.isPending)} className="form-stack narrow">
          <Fieldset>
            <Fieldset.Legend>{t('leases.form.kind')}</Fieldset.Legend>
            {kinds.map((k) => (
              <Radio
                key={k}
                id={k === 'head' ? fieldIds.kind : `lease-kind-${k}`}
                name="kind"
                value={k}
                label={t(`leases.kinds.${k}`)}
                description={t(`leases.kindHelp.${k}`)}
                checked={kind === k}
                onChange={() => form.setValue('kind', k)}
              />
            ))}
            {form.fieldMessage('kind') ? <ValidationMessage>{form.fieldMessage('kind')}</ValidationMessage> : null}
          </Fieldset>

          <Textfield
            id="lease-dwelling-search"
            label={t('leases.form.dwelling')}
            description={t('leases.form.dwellingHelp')}
            type="search"
            value={dwellingQuery}
            onChange={(e) => setDwellingQuery(e.target.value)}
          />
          <SelectField {...form.field('dwellingId')} label={t('leases.form.chooseDwelling')} required>
            <option value="">{t('leases.form.chooseDwelling')}</option>
            {form.values.dwellingId && !dwellings.data?.items.some((d) => d.id === form.values.dwellingId) ? (
              <option value={form.values.dwellingId}>{form.values.dwellingId}</option>
            ) : null}
            {(dwellings.data?.items ?? []).map((d) => (
              <option key={d.id} value={d.id}>{`${d.street} (${d.reference})`}</option>
            ))}
          </SelectField>

          {kind === 'head' ? (
            <SelectField {...form.field('landlordId')} label={t('leases.form.landlord')} required>
              <option value="">{t('leases.form.chooseLandlord')}</option>
              {(landlords.data?.items ?? []).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.orgnr ? `${l.name} (${l.orgnr})` : l.name}
                </option>
              ))}
            </SelectField>
          ) : null}

          {kind === 'sub' ? (
            <>
              <Paragraph data-size="sm">{t('leases.form.headLeaseHelp')}</Paragraph>
              <SelectField {...form.field('headLeaseId')} label={t('leases.form.headLease')} required>
                <option value="">{t('leases.form.chooseHeadLease')}</option>
                {headLeases.map((l) => (
                  <option key={l.id} value={l.id}>
                    {`${l.reference}: ${formatDate(l.startDate)} – ${l.effectiveEnd ? formatDate(l.effectiveEnd) : t('leases.openEnded')}`}
                  </option>
                ))}
              </SelectField>
              {form.values.dwellingId && dwellingLeases.data && headLeases.length === 0 ? (
                <Paragraph data-size="sm">{t('leases.form.noHeadLeases')}</Paragraph>
              ) : null}
            </>
          ) : null}

          {kind === 'sub' || kind === 'direct' ? (
            <Fieldset>
              <Fieldset.Legend>{t('leases.form.tenantLegend')}</Fieldset.Legend>
              {canReadPersons ? (
                <>
                  <Radio
                    id="lease-tenant-mode-existing"
                    name="tenantMode"
                    value="existing"
                    label={t('leases.form.tenantExisting')}
                    checked={tenantMode === 'existing'}
                    onChange={() => setTenantMode('existing')}
                  />
                  <Radio
                    id="lease-tenant-mode-new"
                    name="tenantMode"
                    value="new"
                    label={t('leases.form.tenantNew')}
                    checked={tenantMode === 'new'}
                    onChange={() => setTenantMode('new')}
                  />
                </>
              ) : null}
              {tenantMode === 'existing' ? (
                <>
                  <Textfield
                    id={fieldIds.tenantPersonId}
                    label={t('leases.form.search')}
                    description={t('leases.form.searchHelp')}
                    value={personQuery}
                    onChange={(e) => setPersonQuery(e.target.value)}
                    error={form.fieldMessage('tenantPersonId')}
                  />
                  <div>
                    <Button type="button" variant="secondary" onClick={() => setPersonSearch(personQuery)}>
                      {t('leases.form.searchButton')}
                    </Button>
                  </div>
                  {chosenPerson ? <Paragraph role="status">{t('leases.form.chosen', { name: chosenPerson.name })}</Paragraph> : null}
                  {persons.data ? (
                    persons.data.items.length === 0 ? (
                      <Paragraph role="status">{t('leases.form.noResults')}</Paragraph>
                    ) : (
                      <ul aria-label={t('leases.form.searchResults')}>
                        {persons.data.items.map((p) => (
                          <li key={p.id}>
                            <Button
                              type="button"
                              variant="tertiary"
                              aria-pressed={chosenPerson?.id === p.id}
                              onClick={() => setChosenPerson({ id: p.id, name: p.fullName })}
                            >
                              {`${t('leases.form.choose')}: ${p.fullName}${p.birthDate ? ` (${p.birthDate.precision === 'year' ? p.birthDate.date.slice(0, 4) : formatDate(p.birthDate.date)})` : ''}`}
                            </Button>
                          </li>
                        ))}
                      </ul>
                    )
                  ) : null}
                </>
              ) : (
                <>
                  <Textfield
                    id={fieldIds.tenant}
                    label={t('leases.form.fullName')}
                    value={tenantName}
                    onChange={(e) => setTenantName(e.target.value)}
                    error={form.fieldMessage('tenant')}
                    autoComplete="off"
                    required
                  />
                  <Textfield id="lease-tenant-birth" label={t('leases.form.birthDate')} type="date" value={tenantBirth} onChange={(e) => setTenantBirth(e.target.value)} />
                  <Textfield
                    id="lease-tenant-idnr"
                    label={t('leases.form.identityNumber')}
                    description={t('leases.form.identityHelp')}
                    inputMode="numeric"
                    autoComplete="off"
                    value={tenantIdNumber}
                    onChange={(e) => setTenantIdNumber(e.target.value)}
                  />
                </>
              )}
            </Fieldset>
          ) : null}

          <Fieldset>
            <Fieldset.Legend>{t('leases.detail.period')}</Fieldset.Legend>
            <Fieldset.Description>{t('leases.form.periodHelp')}</Fieldset.Description>
            <Textfield {...form.field('startDate')} label={t('leases.form.start')} type="date" required />
            <Checkbox id="lease-open-ended" label={t('leases.form.openEnded')} checked={openEnded} onChange={(e) => setOpenEnded(e.target.checked)} />
            {!openEnded ? <Textfield {...form.field('endDate')} label={t('leases.form.end')} type="date" required /> : null}
          </Fieldset>
          {!openEnded ? (
            <>
              <Paragraph data-size="sm">{t('leases.form.basisHelp')}</Paragraph>
              <SelectField {...form.field('legalBasis')} label={t('leases.form.legalBasis')}>
                {legalBases
                  .filter((b) => b !== 'open_ended')
                  .map((b) => (
                    <option key={b} value={b}>
                      {t(`leases.bases.${b}`)}
                    </option>
                  ))}
              </SelectField>
            </>
          ) : null}
          <TermWarnings warnings={warnings} />

          <Textfield {...form.field('rentOre')} label={t('leases.form.rent')} description={t('leases.form.rentHelp')} inputMode="decimal" required />
          {rentOre === 0 ? (
            <Textfield
              {...form.field('freeOfChargeReason')}
              label={t('leases.form.freeOfChargeReason')}
              description={t('leases.form.freeOfChargeHelp')}
            />
          ) : null}
          <Textfield
            {...form.field('depositOre')}
            label={t('leases.form.deposit')}
            description={`${t('leases.form.depositHelp')}${rentOre !== null && rentOre > 0 ? ` ${t('leases.form.depositLimit', { limit: formatMoneyOre(rentOre * 6) })}` : ''}`}
            inputMode="decimal"
          />
          {depositCheck && !depositCheck.ok && depositCheck.code === 'lease.deposit_exceeds_limit' ? (
            <Alert data-color="warning" className="notice">
              <Paragraph>{t('leases.form.depositOver', { limit: formatMoneyOre(depositCheck.limitOre) })}</Paragraph>
            </Alert>
          ) : null}
          <SelectField {...form.field('securityKind')} label={t('leases.form.securityKind')}>
            <CodeOptions codes={securityKinds} label={(s) => t(`leases.securityKinds.${s}`)} />
          </SelectField>
          <SelectField {...form.field('signedByUserId')} label={t('leases.form.signer')}>
            <option value="">{t('leases.form.noSigner')}</option>
            {(staff.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <Textfield {...form.field('signedOn')} label={t('leases.form.signedOn')} type="date" />
          <Textfield {...form.field('reference')} label={t('leases.form.reference')} description={t('leases.form.referenceHelp')} autoComplete="off" />
          <Textfield {...form.field('notes')} label={t('leases.form.notes')} multiline rows={3} />
          <SubmitButton pending={create.isPending} label={t('leases.form.submit')} pendingLabel={t('leases.form.submitting')} />
        </form>
      </PageSection>
    </>
  );
}
