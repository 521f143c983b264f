import { Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { isNoAccess, NoAccessPage, QueryContent } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { CreateUserForm } from '../components/CreateUserForm';
import { UserTable } from '../components/UserTable';
import { useUnitOptions, useUsers } from '../users.api';

export function UsersPage() {
  const { t } = useI18n();
  usePageTitle(t('users.title'));
  const users = useUsers();
  const units = useUnitOptions();

  if (isNoAccess(users.error)) return <NoAccessPage />;

  return (
    <>
      <PageHeading lead={t('users.intro')}>{t('users.title')}</PageHeading>
      <PageSection headingId="users-list-heading" heading={t('users.listHeading')}>
        <QueryContent
          error={users.error ?? units.error}
          data={users.data && units.data ? { list: users.data, units: units.data } : undefined}
          headingLevel={3}
        >
          {({ list, units: unitOptions }) =>
            list.items.length === 0 ? (
              <Paragraph>{t('users.empty')}</Paragraph>
            ) : (
              <UserTable users={list.items} units={unitOptions} labelledBy="users-list-heading" />
            )
          }
        </QueryContent>
      </PageSection>
      {/* The server says whether this user may create users; the form is shown only then. */}
      {users.data?.actions.create && units.data ? <CreateUserForm units={units.data} /> : null}
    </>
  );
}
