import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Loading } from '../../../components/Loading';
import { PageHeading } from '../../../components/PageHeading';
import { isNoAccess, NoAccessPage, RequestFailure } from '../../../app/errors';
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

  const failure = users.error ?? units.error;
  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <Paragraph variant="long" className="lead">
        {t('users.intro')}
      </Paragraph>
      <section aria-labelledby="users-list-heading" className="section">
        <Heading level={2} data-size="sm" id="users-list-heading">
          {t('users.listHeading')}
        </Heading>
        {failure ? (
          <RequestFailure error={failure} headingLevel={3} />
        ) : !users.data || !units.data ? (
          <Loading label={t('common.loading')} />
        ) : users.data.items.length === 0 ? (
          <Paragraph>{t('users.empty')}</Paragraph>
        ) : (
          <UserTable users={users.data.items} units={units.data} labelledBy="users-list-heading" />
        )}
      </section>
      {/* The server says whether this user may create users; the form is shown only then. */}
      {users.data?.actions.create && units.data ? <CreateUserForm units={units.data} /> : null}
    </>
  );
}
