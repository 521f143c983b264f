import { Alert, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { staffUserParams } from '../../../../shared/api/users';
import { formatDate } from '../../../../shared/i18n';
import { Loading } from '../../../components/Loading';
import { FactList } from '../../../components/FactList';
import { PageHeading } from '../../../components/PageHeading';
import { PageSection } from '../../../components/PageSection';
import { RouterLink } from '../../../components/RouterLink';
import { isApiError } from '../../../app/api-client';
import { isNoAccess, NoAccessPage, NotFoundPage, QueryContent, RequestFailure } from '../../../app/errors';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { EditUserForm } from '../components/EditUserForm';
import { UserAccess } from '../components/UserAccess';
import { useUnitOptions, useUser } from '../users.api';
import { SuccessNotice } from '../../../components/SuccessNotice';

/** `/brukere/:id` — an id that is not a UUID cannot be a user: not found, without asking the server. */
export function UserPage() {
  const { id } = useParams();
  const parsed = staffUserParams.safeParse({ id });
  if (!parsed.success) return <NotFoundPage />;
  return <UserDetail key={parsed.data.id} id={parsed.data.id} />;
}

type Notice = { section: 'edit' | 'access'; kind: 'saved' | 'conflict' | 'deactivated' | 'reactivated' };

function NoticeAlert({ notice }: { notice: Notice }) {
  const { t } = useI18n();
  if (notice.kind === 'conflict') {
    return (
      <Alert data-color="warning" role="alert" className="notice">
        <Paragraph>{t('users.detail.conflict')}</Paragraph>
      </Alert>
    );
  }
  return <SuccessNotice>{t(`users.detail.${notice.kind}`)}</SuccessNotice>;
}

function UserDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const user = useUser(id);
  const units = useUnitOptions();
  const [notice, setNotice] = useState<Notice | null>(null);
  usePageTitle(user.data?.displayName ?? t('users.title'));

  if (isNoAccess(user.error)) return <NoAccessPage />;
  if (isApiError(user.error) && user.error.code === 'resource.not_found') return <NotFoundPage />;

  const back = (
    <Paragraph>
      <RouterLink to="/brukere">{t('users.detail.back')}</RouterLink>
    </Paragraph>
  );
  if (user.isError) {
    return (
      <>
        {back}
        <RequestFailure error={user.error} />
      </>
    );
  }
  if (user.isPending) return <Loading label={t('common.loading')} />;

  const record = user.data;
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const none = t('users.none');

  // Someone else saved first: show the record as it now is, and say so.
  const onConflict = (section: Notice['section']) => {
    setNotice({ section, kind: 'conflict' });
    void user.refetch();
  };

  return (
    <>
      {back}
      <PageHeading>{record.displayName}</PageHeading>
      <Paragraph data-size="sm" className="lead">
        {t('users.detail.auditNotice')}
      </Paragraph>

      <PageSection headingId="user-record-heading" heading={t('users.detail.recordHeading')}>
        <FactList
          facts={[
            { term: t('users.fields.email'), value: record.email },
            { term: t('users.fields.roles'), value: record.roles.map((role) => t(`roles.${role}`)).join(', ') || none },
            {
              term: t('users.fields.units'),
              value:
                record.unitIds
                  .map((unitId) => unitNames.get(unitId))
                  .filter((name) => name !== undefined)
                  .join(', ') || none,
            },
            {
              term: t('users.table.status'),
              value: (
                <Tag data-color={record.active ? 'success' : 'neutral'} data-size="sm">
                  {record.active ? t('users.status.active') : t('users.status.inactive')}
                </Tag>
              ),
            },
            { term: t('users.detail.createdAt'), value: formatDate(record.createdAt) },
            { term: t('users.detail.id'), value: record.id, mono: true },
          ]}
        />
      </PageSection>

      {record.actions.update ? (
        <PageSection headingId="user-edit-heading" heading={t('users.detail.editHeading')}>
          {notice?.section === 'edit' ? <NoticeAlert notice={notice} /> : null}
          <QueryContent error={units.error} data={units.data} headingLevel={3}>
            {(unitOptions) => (
              <EditUserForm
                key={record.version}
                user={record}
                units={unitOptions}
                onSaved={() => setNotice({ section: 'edit', kind: 'saved' })}
                onConflict={() => onConflict('edit')}
              />
            )}
          </QueryContent>
        </PageSection>
      ) : null}

      {/* An active user one may not deactivate (e.g. oneself) has nothing to show here. */}
      {!record.active || record.actions.deactivate ? (
        <PageSection headingId="user-access-heading" heading={t('users.detail.accessHeading')}>
          {notice?.section === 'access' ? <NoticeAlert notice={notice} /> : null}
          <UserAccess
            user={record}
            onDone={(active) => setNotice({ section: 'access', kind: active ? 'reactivated' : 'deactivated' })}
            onConflict={() => onConflict('access')}
          />
        </PageSection>
      ) : null}
    </>
  );
}
