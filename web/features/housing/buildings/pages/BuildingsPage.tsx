import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { CreateBuildingRequest } from '../../../../../shared/api/buildings';
import { formatNumber } from '../../../../../shared/i18n';
import { PageHeading } from '../../../../components/PageHeading';
import { PageSection } from '../../../../components/PageSection';
import { RouterLink } from '../../../../components/RouterLink';
import { ScrollTable, TableHeader } from '../../../../components/ScrollTable';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../../app/errors';
import { useI18n, usePageTitle } from '../../../../app/i18n';
import { useBuildings, useCreateBuilding } from '../../dwellings/dwellings.api';
import { BuildingForm } from '../components/BuildingForm';
import { SuccessNotice } from '../../../../components/SuccessNotice';

/** `/bygg` — the buildings of the register, and registering one. */
export function BuildingsPage() {
  const { t } = useI18n();
  usePageTitle(t('dwellings.buildings.title'));
  const buildings = useBuildings();
  const create = useCreateBuilding();
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  if (isNoAccess(buildings.error)) return <NoAccessPage />;
  return (
    <>
      <Paragraph>
        <RouterLink to="/boliger">{t('dwellings.detail.back')}</RouterLink>
      </Paragraph>
      <PageHeading lead={t('dwellings.buildings.intro')}>{t('dwellings.buildings.title')}</PageHeading>
      <PageSection headingId="buildings-list-heading" heading={t('dwellings.buildings.listHeading')}>
        <QueryContent error={buildings.error} data={buildings.data} headingLevel={3}>
          {({ items }) =>
            items.length === 0 ? (
              <Paragraph>{t('dwellings.buildings.empty')}</Paragraph>
            ) : (
              <ScrollTable labelledBy="buildings-list-heading">
                <TableHeader
                  columns={[
                    t('dwellings.buildings.name'),
                    t('dwellings.buildings.kind'),
                    t('dwellings.buildings.address'),
                    { label: t('dwellings.buildings.dwellingCount'), numeric: true },
                  ]}
                />
                <Table.Body>
                  {items.map((b) => (
                    <Table.Row key={b.id}>
                      <Table.Cell>
                        <RouterLink to={`/bygg/${b.id}`}>{b.name}</RouterLink>
                      </Table.Cell>
                      <Table.Cell>{t(`dwellings.buildings.kinds.${b.kind}`)}</Table.Cell>
                      <Table.Cell>
                        {b.street}, {b.postnummer} {b.poststed}
                      </Table.Cell>
                      <Table.Cell className="numeric">{formatNumber(b.dwellingCount)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </ScrollTable>
            )
          }
        </QueryContent>
      </PageSection>
      {buildings.data?.actions.create ? (
        <PageSection headingId="building-new-heading" heading={t('dwellings.buildings.newHeading')}>
          {created ? (
            <SuccessNotice>
              {t('dwellings.buildings.created')} <RouterLink to={`/bygg/${created.id}`}>{created.name}</RouterLink>
            </SuccessNotice>
          ) : null}
          <BuildingForm
            building={null}
            pending={create.isPending}
            error={create.error}
            submitLabel={t('dwellings.buildings.create')}
            pendingLabel={t('dwellings.buildings.creating')}
            onSubmit={(body, form) =>
              create.mutate(body as CreateBuildingRequest, {
                onSuccess: (result) => {
                  setCreated({ id: result.building.id, name: result.building.name });
                  form.reset();
                },
                onError: (error) => form.showRefusal(error),
              })
            }
          />
        </PageSection>
      ) : null}
    </>
  );
}
