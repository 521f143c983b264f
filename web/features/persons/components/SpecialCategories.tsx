import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import {
  createSpecialCategoryRequest,
  legalBases,
  updateSpecialCategoryRequest,
  type PersonDto,
  type SpecialCategory,
  type SpecialCategoryDto,
} from '../../../../shared/api/persons';
import { formatDate, formatDateTime } from '../../../../shared/i18n';
import { isVersionConflict, QueryContent, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useForm } from '../../../app/use-form';
import { FormErrorSummary } from '../../../components/FormErrorSummary';
import { PageSection } from '../../../components/PageSection';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { CodeOptions, SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { SuccessNotice } from '../../../components/SuccessNotice';
import {
  useAddSpecialCategory,
  useDeleteSpecialCategory,
  useSpecialCategories,
  useUpdateSpecialCategory,
} from '../persons.api';

const legalBasisFields = {
  'special_category.legal_basis_required': 'legalBasis',
  'special_category.consent_date_required': 'consentGivenOn',
} as const;

/**
 * Health, functional needs, disability and universal-design needs (decision 011). Shown only to
 * users who may read at least one category; the records are fetched only when the user asks,
 * because every display is audited.
 */
export function SpecialCategories({ person }: { person: PersonDto }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useSpecialCategories(person.id, shown);
  const writable = person.actions.writeSpecialCategories;

  return (
    <PageSection headingId="person-special-heading" heading={t('persons.special.heading')}>
      <Paragraph>{t('persons.special.intro')}</Paragraph>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {shown ? (
        <>
          <div>
            <Button type="button" variant="secondary" onClick={() => setShown(false)}>
              {t('persons.special.hide')}
            </Button>
          </div>
          <QueryContent error={list.error} data={list.data} headingLevel={3}>
            {(data) => (
              <RecordList
                personId={person.id}
                records={data.items}
                writable={writable}
                onDone={(text) => setNotice(text)}
              />
            )}
          </QueryContent>
        </>
      ) : (
        <>
          <Paragraph data-size="sm" id="person-special-show-help">
            {t('persons.special.showHelp')}
          </Paragraph>
          <div>
            <Button
              type="button"
              id="person-special-show"
              aria-describedby="person-special-show-help"
              onClick={() => {
                setNotice(null);
                setShown(true);
              }}
            >
              {t('persons.special.show')}
            </Button>
          </div>
        </>
      )}
      {writable.length > 0 ? (
        <AddRecordForm
          personId={person.id}
          writable={writable}
          onAdded={() => setNotice(t('persons.special.form.added'))}
        />
      ) : null}
    </PageSection>
  );
}

function RecordList({
  personId,
  records,
  writable,
  onDone,
}: {
  personId: string;
  records: readonly SpecialCategoryDto[];
  writable: readonly SpecialCategory[];
  onDone: (text: string) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useDeleteSpecialCategory(personId);
  const category = (c: SpecialCategory) => t(`persons.special.categories.${c}`);
  const editRecord = records.find((r) => r.id === editing);
  const removeRecord = records.find((r) => r.id === removing);

  if (records.length === 0) {
    return (
      <>
        <Heading level={3} data-size="xs" id="person-special-list-heading">
          {t('persons.special.listHeading')}
        </Heading>
        <Paragraph>{t('persons.special.none')}</Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading level={3} data-size="xs" id="person-special-list-heading">
        {t('persons.special.listHeading')}
      </Heading>
      <ScrollTable labelledBy="person-special-list-heading">
        <TableHeader
          columns={[
            t('persons.special.category'),
            t('persons.special.details'),
            t('persons.special.legalBasis'),
            t('persons.special.consentGivenOn'),
            t('persons.special.recorded'),
            t('persons.special.actions'),
          ]}
        />
        <Table.Body>
          {records.map((record) => (
            <Table.Row key={record.id}>
              <Table.Cell>{category(record.category)}</Table.Cell>
              <Table.Cell>{record.details}</Table.Cell>
              <Table.Cell>
                {t(`persons.special.legalBases.${record.legalBasis}`)}
                {record.legalBasisNote ? ` – ${record.legalBasisNote}` : ''}
              </Table.Cell>
              <Table.Cell>{record.consentGivenOn ? formatDate(record.consentGivenOn) : '–'}</Table.Cell>
              <Table.Cell>
                {record.source === 'imdi_intake'
                  ? t('persons.special.fromImdi', { date: formatDateTime(record.recordedAt) })
                  : t('persons.special.recordedBy', {
                      date: formatDateTime(record.recordedAt),
                      name: record.recordedBy ?? '–',
                    })}
              </Table.Cell>
              <Table.Cell>
                {writable.includes(record.category) ? (
                  <>
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('persons.special.editLabel', { category: category(record.category) })}
                      onClick={() => {
                        setRemoving(null);
                        setEditing(record.id);
                      }}
                    >
                      {t('persons.special.edit')}
                    </Button>{' '}
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('persons.special.removeLabel', { category: category(record.category) })}
                      onClick={() => {
                        setEditing(null);
                        remove.reset();
                        setRemoving(record.id);
                      }}
                    >
                      {t('persons.special.remove')}
                    </Button>
                  </>
                ) : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollTable>
      {removeRecord ? (
        <Alert data-color="warning" className="notice">
          <Paragraph>{t('persons.special.removeConfirm', { category: category(removeRecord.category) })}</Paragraph>
          <SubmitFailure error={remove.error} />
          <div className="form-stack">
            <div>
              <Button
                type="button"
                data-color="danger"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { recordId: removeRecord.id, version: removeRecord.version },
                    {
                      onSuccess: () => {
                        setRemoving(null);
                        onDone(t('persons.special.removed'));
                      },
                    },
                  )
                }
              >
                {t('persons.special.removeYes')}
              </Button>{' '}
              <Button type="button" variant="secondary" onClick={() => setRemoving(null)}>
                {t('persons.special.removeNo')}
              </Button>
            </div>
          </div>
        </Alert>
      ) : null}
      {editRecord ? (
        <EditRecordForm
          key={`${editRecord.id}-${editRecord.version}`}
          personId={personId}
          record={editRecord}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onDone(t('persons.special.form.saved'));
          }}
        />
      ) : null}
    </>
  );
}

function AddRecordForm({
  personId,
  writable,
  onAdded,
}: {
  personId: string;
  writable: readonly SpecialCategory[];
  onAdded: () => void;
}) {
  const { t, errorText } = useI18n();
  const add = useAddSpecialCategory(personId);
  const form = useForm({
    initial: { category: writable[0] ?? 'health', details: '', legalBasis: '', legalBasisNote: '', consentGivenOn: '' },
    fieldIds: {
      category: 'special-category',
      details: 'special-details',
      legalBasis: 'special-legal-basis',
      legalBasisNote: 'special-legal-basis-note',
      consentGivenOn: 'special-consent-date',
    },
    refusalFields: legalBasisFields,
    message: (_field, code) => errorText(code),
  });
  const values = form.values;
  const consent = values.legalBasis === 'consent';
  const submit = () => {
    add.reset();
    const request = form.validate(createSpecialCategoryRequest, {
      category: values.category,
      details: values.details,
      // An empty choice goes to the server as null: the rule (a legal basis is required) is its.
      legalBasis: values.legalBasis === '' ? null : values.legalBasis,
      legalBasisNote: values.legalBasisNote,
      consentGivenOn: consent && values.consentGivenOn !== '' ? values.consentGivenOn : null,
    });
    if (request === null) return;
    add.mutate(request, {
      onSuccess: () => {
        form.reset();
        onAdded();
      },
      onError: form.showRefusal,
    });
  };
  return (
    <>
      <Heading level={3} data-size="xs" id="special-add-heading">
        {t('persons.special.form.addHeading')}
      </Heading>
      <SubmitFailure error={add.error} explained={form.hasFieldExplanation} />
      <FormErrorSummary {...form.summary} heading={t('persons.special.form.errorSummaryHeading')} headingLevel={4} />
      <form
        noValidate
        aria-labelledby="special-add-heading"
        onSubmit={form.submitHandler(submit, add.isPending)}
        className="form-stack narrow"
      >
        <SelectField {...form.field('category')} label={t('persons.special.form.category')}>
          <CodeOptions codes={writable} label={(c) => t(`persons.special.categories.${c}`)} />
        </SelectField>
        <Textfield
          {...form.field('details')}
          label={t('persons.special.form.details')}
          description={t('persons.special.form.detailsHelp')}
          multiline
          rows={3}
          required
        />
        <LegalBasisFields form={form} consent={consent} />
        <SubmitButton
          pending={add.isPending}
          label={t('persons.special.form.add')}
          pendingLabel={t('persons.special.form.adding')}
        />
      </form>
    </>
  );
}

/** What useForm's `field()` gives a text field. */
type FieldProps = {
  id: string;
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error: string | undefined;
};

/** The legal basis, its note, and the consent date when the basis is consent (shared by add and edit). */
function LegalBasisFields({
  form,
  consent,
}: {
  form: { field: (name: 'legalBasis' | 'legalBasisNote' | 'consentGivenOn') => FieldProps };
  consent: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField {...form.field('legalBasis')} label={t('persons.special.form.legalBasis')} required>
        <option value="">{t('persons.special.form.chooseLegalBasis')}</option>
        <CodeOptions codes={legalBases} label={(b) => t(`persons.special.legalBases.${b}`)} />
      </SelectField>
      <Textfield
        {...form.field('legalBasisNote')}
        label={t('persons.special.form.legalBasisNote')}
        description={t('persons.special.form.legalBasisNoteHelp')}
        autoComplete="off"
      />
      {consent ? (
        <Textfield
          {...form.field('consentGivenOn')}
          label={t('persons.special.form.consentGivenOn')}
          type="date"
          required
        />
      ) : null}
    </>
  );
}

function EditRecordForm({
  personId,
  record,
  onClose,
  onSaved,
}: {
  personId: string;
  record: SpecialCategoryDto;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, errorText } = useI18n();
  const update = useUpdateSpecialCategory(personId);
  const form = useForm({
    initial: {
      details: record.details,
      legalBasis: record.legalBasis as string,
      legalBasisNote: record.legalBasisNote,
      consentGivenOn: record.consentGivenOn ?? '',
    },
    fieldIds: {
      details: 'special-edit-details',
      legalBasis: 'special-edit-legal-basis',
      legalBasisNote: 'special-edit-legal-basis-note',
      consentGivenOn: 'special-edit-consent-date',
    },
    refusalFields: legalBasisFields,
    message: (_field, code) => errorText(code),
  });
  const values = form.values;
  const consent = values.legalBasis === 'consent';
  const categoryText = t(`persons.special.categories.${record.category}`);
  const submit = () => {
    update.reset();
    const request = form.validate(updateSpecialCategoryRequest, {
      details: values.details,
      legalBasis: values.legalBasis === '' ? null : values.legalBasis,
      legalBasisNote: values.legalBasisNote,
      consentGivenOn: consent && values.consentGivenOn !== '' ? values.consentGivenOn : null,
    });
    if (request === null) return;
    update.mutate(
      { recordId: record.id, version: record.version, body: request },
      { onSuccess: onSaved, onError: form.showRefusal },
    );
  };
  return (
    <>
      <Heading level={3} data-size="xs" id="special-edit-heading">
        {t('persons.special.form.editHeading', { category: categoryText })}
      </Heading>
      {isVersionConflict(update.error) ? (
        <Alert data-color="warning" role="alert" className="notice">
          <Paragraph>{t('persons.special.form.conflict')}</Paragraph>
        </Alert>
      ) : (
        <SubmitFailure error={update.error} explained={form.hasFieldExplanation} />
      )}
      <FormErrorSummary {...form.summary} heading={t('persons.special.form.errorSummaryHeading')} headingLevel={4} />
      <form
        noValidate
        aria-labelledby="special-edit-heading"
        onSubmit={form.submitHandler(submit, update.isPending)}
        className="form-stack narrow"
      >
        <Textfield {...form.field('details')} label={t('persons.special.form.details')} multiline rows={3} required />
        <LegalBasisFields form={form} consent={consent} />
        <div>
          <SubmitButton
            pending={update.isPending}
            label={t('persons.special.form.save')}
            pendingLabel={t('persons.special.form.adding')}
          />
        </div>
        <div>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('persons.special.form.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
