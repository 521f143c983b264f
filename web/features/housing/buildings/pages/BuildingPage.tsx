import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  buildingIdParams,
  type BuildingDetailResponse,
  type UpdateBuildingRequest,
} from '../../../../../shared/api/buildings';
import { formatDate, formatNumber } from '../../../../../shared/i18n';
import { FactList } from '../../../../components/FactList';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../../components/ScrollTable';
import { SubjectTasks } from '../../../../components/tasks/SubjectTasks';
import { isApiError } from '../../../../app/api-client';
import {
  isNoAccess,
  isVersionConflict,
  NoAccessPage,
  NotFoundPage,
  QueryContent,
  SubmitFailure,
} from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { useBuilding, useDeleteBuilding, useUpdateBuilding } from '../../dwellings/dwellings.api';
import { BuildingForm } from '../components/BuildingForm';

/** `/bygg/:id` — a building with its units and common facilities. */
export function BuildingPage() {
  const parsed = buildingIdParams.safeParse(useParams());
  if (!parsed.success) return <NotFoundPage />;
  return <BuildingDetail key={parsed.data.id} id={parsed.data.id} />;
}

function BuildingDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const building = useBuilding(id);
  usePageTitle(building.data?.building.name ?? t('dwellings.buildings.title'));
  if (isNoAccess(building.error)) return <NoAccessPage />;
  if (isApiError(building.error) && building.error.code === 'resource.not_found') return <NotFoundPage />;
  return (
    <>
      <Paragraph>
        <RouterLink to="/bygg">{t('dwellings.buildings.back')}</RouterLink>
      </Paragraph>
      <QueryContent error={building.error} data={building.data}>
        {(data) => <BuildingContent data={data} refetch={() => void building.refetch()} />}
      </QueryContent>
    </>
  );
}

function BuildingContent({ data, refetch }: { data: BuildingDetailResponse; refetch: () => void }) {
  const { t } = useI18n();
  const b = data.building;
  const update = useUpdateBuilding(b.id);
  const remove = useDeleteBuilding(b.id);
  const navigate = useNavigate();
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  return (
    <>
      <PageHeading lead={`${b.street}, ${b.postnummer} ${b.poststed}`}>{b.name}</PageHeading>
      <PageSection headingId="building-facts-heading" heading={t('dwellings.detail.facts')}>
        <FactList
          facts={[
            { term: t('dwellings.buildings.kind'), value: t(`dwellings.buildings.kinds.${b.kind}`) },
            { term: t('dwellings.buildings.owner'), value: t(`dwellings.buildings.ownerKinds.${b.ownerKind}`) },
            { term: t('dwellings.fields.kommunenummer'), value: b.kommunenummer },
            {
              term: t('dwellings.detail.cadastre'),
              value:
                [b.gnr && `gnr. ${b.gnr}`, b.bnr && `bnr. ${b.bnr}`].filter(Boolean).join(', ') ||
                t('dwellings.detail.none'),
            },
            {
              term: t('dwellings.buildings.commonHouse'),
              value: t(b.commonHouse ? 'dwellings.buildings.yes' : 'dwellings.buildings.no'),
            },
            {
              term: t('dwellings.buildings.facilities'),
              value: b.commonFacilities.length
                ? b.commonFacilities.map((f) => t(`dwellings.buildings.facilityList.${f}`)).join(', ')
                : t('dwellings.detail.none'),
            },
            { term: t('dwellings.buildings.staffRooms'), value: formatNumber(b.staffRooms) },
            { term: t('dwellings.buildings.notes'), value: b.neighbourhoodNotes || t('dwellings.detail.none') },
          ]}
        />
      </PageSection>
      <PageSection headingId="building-dwellings-heading" heading={t('dwellings.buildings.dwellingsHeading')}>
        {data.dwellings.length === 0 ? (
          <Paragraph>{t('dwellings.buildings.noDwellings')}</Paragraph>
        ) : (
          <ScrollTable labelledBy="building-dwellings-heading">
            <TableHeader
              columns={[
                t('dwellings.table.reference'),
                t('dwellings.table.address'),
                t('dwellings.table.type'),
                { label: t('dwellings.table.bedrooms'), numeric: true },
                { label: t('dwellings.fields.floor'), numeric: true },
                t('dwellings.table.status'),
              ]}
            />
            <Table.Body>
              {data.dwellings.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>
                    <RouterLink to={`/boliger/${d.id}`}>{d.reference}</RouterLink>
                  </Table.Cell>
                  <Table.Cell>{d.street}</Table.Cell>
                  <Table.Cell>{t(`dwellings.types.${d.type}`)}</Table.Cell>
                  <Table.Cell className="numeric">{formatNumber(d.bedrooms)}</Table.Cell>
                  <Table.Cell className="numeric">{d.floor === null ? '' : formatNumber(d.floor)}</Table.Cell>
                  <Table.Cell>
                    {t(`dwellings.statuses.${d.status}`)} ({formatDate(d.statusSince)})
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollTable>
        )}
      </PageSection>
      {data.actions.update ? (
        <PageSection headingId="building-edit-heading" heading={t('dwellings.buildings.edit')}>
          {notice ? (
            <Alert
              data-color={notice === 'saved' ? 'success' : 'warning'}
              role={notice === 'saved' ? 'status' : 'alert'}
              className="notice"
            >
              <Paragraph>
                {t(notice === 'saved' ? 'dwellings.buildings.saved' : 'dwellings.buildings.conflict')}
              </Paragraph>
            </Alert>
          ) : null}
          <BuildingForm
            key={b.version}
            building={b}
            pending={update.isPending}
            error={update.error}
            submitLabel={t('dwellings.buildings.save')}
            pendingLabel={t('dwellings.buildings.saving')}
            onSubmit={(body, form) =>
              update.mutate(
                { version: b.version, changes: body as UpdateBuildingRequest },
                {
                  onSuccess: () => setNotice('saved'),
                  onError: (error) => {
                    if (isVersionConflict(error)) {
                      setNotice('conflict');
                      refetch();
                    } else form.showRefusal(error);
                  },
                },
              )
            }
          />
        </PageSection>
      ) : null}
      {data.actions.update ? (
        <PageSection headingId="building-delete-heading" heading={t('dwellings.buildings.delete')}>
          <Paragraph>{t('dwellings.buildings.deleteHelp')}</Paragraph>
          <SubmitFailure error={remove.error} />
          <div>
            <Button
              type="button"
              variant="secondary"
              data-color="danger"
              aria-disabled={!data.actions.delete || remove.isPending}
              onClick={() => {
                if (!data.actions.delete || remove.isPending) return;
                remove.mutate(undefined, { onSuccess: () => void navigate('/bygg') });
              }}
            >
              {remove.isPending ? t('dwellings.buildings.deleting') : t('dwellings.buildings.delete')}
            </Button>
          </div>
        </PageSection>
      ) : null}
      <SubjectTasks subjectType="building" subjectId={b.id} />
    </>
  );
}
