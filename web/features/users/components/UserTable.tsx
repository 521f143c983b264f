import { Table, Tag } from '@digdir/designsystemet-react';
import { ScrollTable } from '../../../components/ScrollTable';
import { RouterLink } from '../../../components/RouterLink';
import { useI18n } from '../../../app/i18n';
import type { StaffUserSummary, UnitOption } from '../users.api';

const collator = new Intl.Collator('nb-NO');

export function UserTable({
  users,
  units,
  labelledBy,
}: {
  users: readonly StaffUserSummary[];
  units: readonly UnitOption[];
  labelledBy: string;
}) {
  const { t } = useI18n();
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const sorted = [...users].sort((a, b) => collator.compare(a.displayName, b.displayName));
  const none = t('users.none');
  return (
    <ScrollTable labelledBy={labelledBy}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{t('users.table.name')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('users.table.email')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('users.table.roles')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('users.table.units')}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t('users.table.status')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {sorted.map((user) => (
          <Table.Row key={user.id}>
            <Table.Cell>
              <RouterLink to={`/brukere/${user.id}`}>{user.displayName}</RouterLink>
            </Table.Cell>
            <Table.Cell>{user.email}</Table.Cell>
            <Table.Cell>{user.roles.map((role) => t(`roles.${role}`)).join(', ') || none}</Table.Cell>
            <Table.Cell>
              {user.unitIds
                .map((id) => unitNames.get(id))
                .filter((name) => name !== undefined)
                .join(', ') || none}
            </Table.Cell>
            <Table.Cell>
              <Tag data-color={user.active ? 'success' : 'neutral'} data-size="sm">
                {user.active ? t('users.status.active') : t('users.status.inactive')}
              </Tag>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollTable>
  );
}
