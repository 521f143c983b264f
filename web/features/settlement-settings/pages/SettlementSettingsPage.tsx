import {
  Alert,
  Button,
  Checkbox,
  Input,
  Paragraph,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import {
  updateSettlementSettingsRequest,
  type SettlementSettingsDto,
  type UpdateSettlementSettingsRequest,
} from '../../../../shared/api/settlement-settings';
import { staffRoles, type StaffRole } from '../../../../shared/domain/roles';
import { nb as sectionNb } from '../../../../shared/i18n/sections/settlementSettings';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, isVersionConflict, NoAccessPage, QueryContent, SubmitFailure } from '../../../app/errors';
import { fieldCodesFromProblem, fieldCodesFromZod } from '../../../app/form-errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { FactList } from '../../../components/FactList';
import { FormErrorSummary, type FormErrorItem } from '../../../components/FormErrorSummary';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import {
  checkRows,
  itemTitle,
  rowProblems,
  toItems,
  toRows,
  wholeNumber,
  type ChecklistRow,
  type RowProblems,
} from '../checklist-editor';
import { useSettlementSettings, useUnitOptions, useUpdateSettlementSettings } from '../settlement-settings.api';

type Unit = { id: string; name: string };

/** /bosettingsinnstillinger: admins change the settings; others with read access see them. */
export function SettlementSettingsPage() {
  const { t } = useI18n();
  usePageTitle(t('settlementSettings.title'));
  const settings = useSettlementSettings();
  const units = useUnitOptions();
  const [notice, setNotice] = useState<string | null>(null);
  if (isNoAccess(settings.error)) return <NoAccessPage />;
  const data = settings.data && units.data ? { settings: settings.data, units: units.data.items } : undefined;
  return (
    <>
      <PageHeading lead={t('settlementSettings.intro')}>{t('settlementSettings.title')}</PageHeading>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <QueryContent error={settings.error ?? units.error} data={data}>
        {({ settings: s, units: u }) =>
          s.actions.update ? (
            <SettingsForm key={s.version} settings={s} units={u} onSaved={setNotice} />
          ) : (
            <SettingsFacts settings={s} units={u} />
          )
        }
      </QueryContent>
    </>
  );
}

function useProblemText() {
  const { t, errorText } = useI18n();
  return (code: string) =>
    Object.hasOwn(sectionNb.problems, code)
      ? t(`settlementSettings.problems.${code as keyof typeof sectionNb.problems}`)
      : errorText(code);
}

/** The roles that own an item, and those already mapped to a unit, in the roles' order. */
function checklistRoles(
  rows: readonly { ownerRole: StaffRole }[],
  mapped: Readonly<Record<string, string>>,
): StaffRole[] {
  return staffRoles.filter((role) => rows.some((r) => r.ownerRole === role) || Boolean(mapped[role]));
}

function SettingsFacts({ settings, units }: { settings: SettlementSettingsDto; units: readonly Unit[] }) {
  const { t, lang, codeText } = useI18n();
  const rows = toRows(settings.checklist);
  const unitName = (id: string | undefined) =>
    id
      ? (units.find((u) => u.id === id)?.name ?? t('settlementSettings.units.unknownUnit'))
      : t('settlementSettings.units.fallback');
  const yesNo = (value: boolean) =>
    value ? t('settlementSettings.checklist.yes') : t('settlementSettings.checklist.no');
  return (
    <>
      <Paragraph>{t('settlementSettings.readOnly')}</Paragraph>
      <PageSection headingId="settlement-general-heading" heading={t('settlementSettings.general.heading')}>
        <FactList
          facts={[
            {
              term: t('settlementSettings.general.agreedTargetDays'),
              value:
                settings.agreedTargetDays === null
                  ? t('settlementSettings.general.noAgreedTarget')
                  : t('settlementSettings.general.days', { days: settings.agreedTargetDays }),
            },
            {
              term: t('settlementSettings.general.retentionMonths'),
              value: t('settlementSettings.general.months', { months: settings.retentionMonths }),
            },
            {
              term: t('settlementSettings.general.emergencyPhone'),
              value: settings.emergencyPhone || t('settlementSettings.general.none'),
            },
          ]}
        />
      </PageSection>
      <PageSection headingId="settlement-units-heading" heading={t('settlementSettings.units.heading')}>
        <Paragraph>{t('settlementSettings.units.help')}</Paragraph>
        <FactList
          facts={checklistRoles(rows, settings.unitForRole).map((role) => ({
            term: codeText('roles', role),
            value: unitName(settings.unitForRole[role]),
          }))}
        />
      </PageSection>
      <PageSection headingId="settlement-checklist-heading" heading={t('settlementSettings.checklist.heading')}>
        <Paragraph>
          {settings.checklistIsDefault
            ? t('settlementSettings.checklist.isDefault')
            : t('settlementSettings.checklist.isOwn')}
        </Paragraph>
        <ScrollTable labelledBy="settlement-checklist-heading">
          <TableHeader
            columns={[
              t('settlementSettings.checklist.title'),
              t('settlementSettings.checklist.key'),
              { label: t('settlementSettings.checklist.offsetDays'), numeric: true },
              t('settlementSettings.checklist.ownerRole'),
              t('settlementSettings.checklist.interpreter'),
              t('settlementSettings.checklist.sharedHousing'),
              t('settlementSettings.checklist.enabled'),
            ]}
          />
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.key}>
                <Table.Cell>{itemTitle(lang, row)}</Table.Cell>
                <Table.Cell className="mono">{row.key}</Table.Cell>
                <Table.Cell className="numeric">{row.offsetDays}</Table.Cell>
                <Table.Cell>{codeText('roles', row.ownerRole)}</Table.Cell>
                <Table.Cell>{yesNo(row.requiresInterpreter)}</Table.Cell>
                <Table.Cell>{yesNo(row.sharedHousingOnly)}</Table.Cell>
                <Table.Cell>{yesNo(row.enabled)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollTable>
      </PageSection>
    </>
  );
}

const fieldIds = {
  agreedTargetDays: 'settlement-agreed-target',
  retentionMonths: 'settlement-retention',
  emergencyPhone: 'settlement-emergency-phone',
} as const;

const rowFieldId = (index: number, field: string) => {
  const input = ['key', 'label', 'offsetDays', 'ownerRole', 'requiresInterpreter', 'onlyWhen', 'enabled'].includes(
    field,
  )
    ? field
    : 'key';
  return `checklist-${index}-${input}`;
};

const newRow = (): ChecklistRow => ({
  key: '',
  label: '',
  offsetDays: '0',
  ownerRole: 'bosetter',
  requiresInterpreter: false,
  sharedHousingOnly: false,
  enabled: true,
  sourceRef: null,
});

function SettingsForm({
  settings,
  units,
  onSaved,
}: {
  settings: SettlementSettingsDto;
  units: readonly Unit[];
  onSaved: (text: string | null) => void;
}) {
  const { t, lang, codeText } = useI18n();
  const problemText = useProblemText();
  const update = useUpdateSettlementSettings();
  const reset = useUpdateSettlementSettings();
  const [rows, setRows] = useState<ChecklistRow[]>(() => toRows(settings.checklist));
  const [rowCodes, setRowCodes] = useState<RowProblems>({});
  const [unitForRole, setUnitForRole] = useState<Record<string, string>>({ ...settings.unitForRole });
  const [roleCodes, setRoleCodes] = useState<Record<string, string>>({});
  const [confirmReset, setConfirmReset] = useState(false);
  // After "add", the new row's first field takes focus (set here, done once the row is rendered).
  const focusRow = useRef<number | null>(null);
  const form = useForm({
    initial: {
      agreedTargetDays: settings.agreedTargetDays === null ? '' : String(settings.agreedTargetDays),
      retentionMonths: String(settings.retentionMonths),
      emergencyPhone: settings.emergencyPhone,
    },
    fieldIds,
    message: (_field, code) => problemText(code),
  });

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(rowFieldId(focusRow.current, 'label'))?.focus();
    focusRow.current = null;
  }, [rows]);

  const roles = checklistRoles(rows, unitForRole);
  const setRow = (index: number, change: Partial<ChecklistRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = () => {
    onSaved(null);
    update.reset();
    const v = form.values;
    const agreed = v.agreedTargetDays.trim() === '' ? null : wholeNumber(v.agreedTargetDays);
    const retention = wholeNumber(v.retentionMonths);
    const checklistChanged =
      !settings.checklistIsDefault ||
      JSON.stringify(toItems(rows)) !== JSON.stringify(toItems(toRows(settings.checklist)));
    const body = {
      agreedTargetDays: agreed,
      retentionMonths: retention,
      emergencyPhone: v.emergencyPhone,
      unitForRole: Object.fromEntries(Object.entries(unitForRole).filter(([, unit]) => unit !== '')),
      ...(checklistChanged ? { checklist: toItems(rows) } : {}),
    };
    const parsed = updateSettlementSettingsRequest.safeParse(body);
    const codes = parsed.success ? {} : fieldCodesFromZod(parsed.error);
    if (v.agreedTargetDays.trim() !== '' && agreed === null) codes['agreedTargetDays'] = 'number_invalid';
    if (retention === null) codes['retentionMonths'] = 'number_invalid';
    const checked = checkRows(rows);
    form.setFieldCodes(codes);
    setRowCodes(checked);
    setRoleCodes({});
    if (!parsed.success || Object.keys(codes).length > 0 || Object.keys(checked).length > 0) return;
    update.mutate(
      { version: settings.version, changes: parsed.data },
      {
        onSuccess: () => onSaved(t('settlementSettings.saved')),
        onError: (error) => {
          if (!isApiError(error) || error.kind !== 'functional') return;
          form.setFieldCodes(
            fieldCodesFromProblem(error.errors.filter((e) => !/^\/(checklist|unitForRole)\//.test(e.pointer))),
          );
          setRowCodes(rowProblems(error.errors, '/checklist'));
          const byRole: Record<string, string> = {};
          for (const e of error.errors) {
            const role = /^\/unitForRole\/([a-z_]+)/.exec(e.pointer)?.[1];
            if (role && !byRole[role]) byRole[role] = e.code;
          }
          setRoleCodes(byRole);
        },
      },
    );
  };

  const rowItems: FormErrorItem[] = Object.entries(rowCodes).flatMap(([index, fields]) =>
    Object.entries(fields).map(([field, code]) => {
      const i = Number(index);
      const row = rows[i];
      return {
        fieldId: i >= 0 ? rowFieldId(i, field) : 'checklist-add',
        message:
          i >= 0 && row
            ? t('settlementSettings.checklist.rowProblem', {
                n: i + 1,
                title: itemTitle(lang, row) || t('settlementSettings.checklist.newItem'),
                problem: problemText(code),
              })
            : problemText(code),
      };
    }),
  );
  const roleItems: FormErrorItem[] = Object.entries(roleCodes).map(([role, code]) => ({
    fieldId: `settlement-unit-${role}`,
    message: `${codeText('roles', role)}: ${problemText(code)}`,
  }));
  const refusedExplained =
    form.hasFieldExplanation || Object.keys(rowCodes).length > 0 || Object.keys(roleCodes).length > 0;

  return (
    <>
      {isVersionConflict(update.error) ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{t('settlementSettings.conflict')}</Paragraph>
        </Alert>
      ) : (
        <SubmitFailure error={update.error} explained={refusedExplained} />
      )}
      <FormErrorSummary
        attempt={form.summary.attempt}
        items={[...form.summary.items, ...roleItems, ...rowItems]}
        heading={t('settlementSettings.errorSummaryHeading')}
      />
      <form noValidate onSubmit={form.submitHandler(submit, update.isPending)}>
        <PageSection headingId="settlement-general-heading" heading={t('settlementSettings.general.heading')}>
          <div className="form-stack narrow">
            <Textfield
              {...form.field('agreedTargetDays')}
              label={t('settlementSettings.general.agreedTargetDays')}
              description={t('settlementSettings.general.agreedTargetDaysHelp')}
              inputMode="numeric"
              autoComplete="off"
            />
            <Textfield
              {...form.field('retentionMonths')}
              label={t('settlementSettings.general.retentionMonths')}
              description={t('settlementSettings.general.retentionMonthsHelp')}
              inputMode="numeric"
              autoComplete="off"
            />
            <Textfield
              {...form.field('emergencyPhone')}
              label={t('settlementSettings.general.emergencyPhone')}
              description={t('settlementSettings.general.emergencyPhoneHelp')}
              type="tel"
              autoComplete="off"
            />
          </div>
        </PageSection>

        <PageSection headingId="settlement-units-heading" heading={t('settlementSettings.units.heading')}>
          <Paragraph>{t('settlementSettings.units.help')}</Paragraph>
          <div className="form-stack narrow">
            {roles.map((role) => (
              <SelectField
                key={role}
                id={`settlement-unit-${role}`}
                label={t('settlementSettings.units.role', { role: codeText('roles', role) })}
                value={unitForRole[role] ?? ''}
                error={roleCodes[role] ? problemText(roleCodes[role]) : undefined}
                onChange={(event) => setUnitForRole((current) => ({ ...current, [role]: event.target.value }))}
              >
                <option value="">{t('settlementSettings.units.fallback')}</option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        </PageSection>

        <PageSection headingId="settlement-checklist-heading" heading={t('settlementSettings.checklist.heading')}>
          <Paragraph>{t('settlementSettings.checklist.help')}</Paragraph>
          <Paragraph>
            {settings.checklistIsDefault
              ? t('settlementSettings.checklist.isDefault')
              : t('settlementSettings.checklist.isOwn')}
          </Paragraph>
          <ChecklistTable
            rows={rows}
            rowCodes={rowCodes}
            onChange={setRow}
            onRemove={(index) => setRows((current) => current.filter((_, i) => i !== index))}
          />
          <div>
            <Button
              type="button"
              variant="secondary"
              id="checklist-add"
              onClick={() => {
                focusRow.current = rows.length;
                setRows((current) => [...current, newRow()]);
              }}
            >
              {t('settlementSettings.checklist.add')}
            </Button>
          </div>
          <SubmitButton
            pending={update.isPending}
            label={t('settlementSettings.save')}
            pendingLabel={t('settlementSettings.saving')}
          />
        </PageSection>
      </form>

      {!settings.checklistIsDefault ? (
        <div className="section">
          {confirmReset ? (
            <Alert data-color="warning" className="notice">
              <Paragraph>{t('settlementSettings.checklist.resetConfirm')}</Paragraph>
              <SubmitFailure error={reset.error} />
              <div>
                <Button
                  type="button"
                  data-color="danger"
                  loading={reset.isPending}
                  onClick={() =>
                    reset.mutate(
                      {
                        version: settings.version,
                        changes: { checklist: null } satisfies UpdateSettlementSettingsRequest,
                      },
                      { onSuccess: () => onSaved(t('settlementSettings.checklist.resetDone')) },
                    )
                  }
                >
                  {t('settlementSettings.checklist.resetYes')}
                </Button>{' '}
                <Button type="button" variant="secondary" onClick={() => setConfirmReset(false)}>
                  {t('settlementSettings.checklist.resetNo')}
                </Button>
              </div>
            </Alert>
          ) : (
            <div>
              <Button type="button" variant="secondary" onClick={() => setConfirmReset(true)}>
                {t('settlementSettings.checklist.reset')}
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </>
  );
}

function ChecklistTable({
  rows,
  rowCodes,
  onChange,
  onRemove,
}: {
  rows: readonly ChecklistRow[];
  rowCodes: RowProblems;
  onChange: (index: number, change: Partial<ChecklistRow>) => void;
  onRemove: (index: number) => void;
}) {
  const { t, lang, codeText } = useI18n();
  const problemText = useProblemText();
  return (
    <ScrollTable labelledBy="settlement-checklist-heading">
      <TableHeader
        columns={[
          t('settlementSettings.checklist.number'),
          t('settlementSettings.checklist.title'),
          t('settlementSettings.checklist.key'),
          t('settlementSettings.checklist.offsetDays'),
          t('settlementSettings.checklist.ownerRole'),
          t('settlementSettings.checklist.interpreter'),
          t('settlementSettings.checklist.sharedHousing'),
          t('settlementSettings.checklist.enabled'),
          t('settlementSettings.checklist.actions'),
        ]}
      />
      <Table.Body>
        {rows.map((row, index) => {
          const n = index + 1;
          const title = itemTitle(lang, row) || t('settlementSettings.checklist.newItem');
          const codes = rowCodes[index] ?? {};
          const own = row.sourceRef === null;
          // The item as a whole (or its source) has no input of its own: shown at the key.
          const keyCode = codes['key'] ?? codes[''] ?? codes['sourceRef'];
          const message = (field: string, code: string | undefined) =>
            code ? (
              <ValidationMessage id={`${rowFieldId(index, field)}-error`}>{problemText(code)}</ValidationMessage>
            ) : null;
          const invalid = (field: string, code: string | undefined) =>
            code ? { 'aria-invalid': true as const, 'aria-describedby': `${rowFieldId(index, field)}-error` } : {};
          return (
            <Table.Row key={index}>
              <Table.Cell>{n}</Table.Cell>
              <Table.Cell>
                {own ? (
                  <>
                    <Input
                      id={rowFieldId(index, 'label')}
                      aria-label={t('settlementSettings.checklist.titleLabel', { n })}
                      value={row.label}
                      onChange={(event) => onChange(index, { label: event.target.value })}
                      autoComplete="off"
                      {...invalid('label', codes['label'])}
                    />
                    {message('label', codes['label'])}
                  </>
                ) : (
                  title
                )}
              </Table.Cell>
              <Table.Cell>
                {own ? (
                  <Input
                    id={rowFieldId(index, 'key')}
                    aria-label={t('settlementSettings.checklist.keyLabel', { n })}
                    value={row.key}
                    onChange={(event) => onChange(index, { key: event.target.value })}
                    autoComplete="off"
                    {...invalid('key', keyCode)}
                  />
                ) : (
                  <span className="mono" id={rowFieldId(index, 'key')} tabIndex={keyCode ? -1 : undefined}>
                    {row.key}
                  </span>
                )}
                {message('key', keyCode)}
              </Table.Cell>
              <Table.Cell>
                <Input
                  id={rowFieldId(index, 'offsetDays')}
                  aria-label={t('settlementSettings.checklist.offsetLabel', { n, title })}
                  value={row.offsetDays}
                  onChange={(event) => onChange(index, { offsetDays: event.target.value })}
                  inputMode="numeric"
                  autoComplete="off"
                  size={5}
                  {...invalid('offsetDays', codes['offsetDays'])}
                />
                {message('offsetDays', codes['offsetDays'])}
              </Table.Cell>
              <Table.Cell>
                <Select
                  id={rowFieldId(index, 'ownerRole')}
                  aria-label={t('settlementSettings.checklist.roleLabel', { n, title })}
                  value={row.ownerRole}
                  onChange={(event) => onChange(index, { ownerRole: event.target.value as StaffRole })}
                  {...invalid('ownerRole', codes['ownerRole'])}
                >
                  {staffRoles.map((role) => (
                    <option key={role} value={role}>
                      {codeText('roles', role)}
                    </option>
                  ))}
                </Select>
                {message('ownerRole', codes['ownerRole'])}
              </Table.Cell>
              <Table.Cell>
                <Checkbox
                  id={rowFieldId(index, 'requiresInterpreter')}
                  aria-label={t('settlementSettings.checklist.interpreterLabel', { n, title })}
                  checked={row.requiresInterpreter}
                  onChange={(event) => onChange(index, { requiresInterpreter: event.target.checked })}
                />
              </Table.Cell>
              <Table.Cell>
                <Checkbox
                  id={rowFieldId(index, 'onlyWhen')}
                  aria-label={t('settlementSettings.checklist.sharedHousingLabel', { n, title })}
                  checked={row.sharedHousingOnly}
                  onChange={(event) => onChange(index, { sharedHousingOnly: event.target.checked })}
                />
              </Table.Cell>
              <Table.Cell>
                <Checkbox
                  id={rowFieldId(index, 'enabled')}
                  aria-label={t('settlementSettings.checklist.enabledLabel', { n, title })}
                  checked={row.enabled}
                  onChange={(event) => onChange(index, { enabled: event.target.checked })}
                />
              </Table.Cell>
              <Table.Cell>
                {own ? (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('settlementSettings.checklist.removeLabel', { n, title })}
                    onClick={() => onRemove(index)}
                  >
                    {t('settlementSettings.checklist.remove')}
                  </Button>
                ) : null}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </ScrollTable>
  );
}
