import { Card, Heading } from '@digdir/designsystemet-react';
import { PageHeading } from '../../../components/PageHeading';
import { useI18n, usePageTitle } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** Everyone's own page: who Husly thinks you are, and changing your password. */
export function ProfilePage() {
  const { t, codeText } = useI18n();
  usePageTitle(t('profile.title'));
  const { user, units } = useSession();
  const none = t('users.none');
  return (
    <>
      <PageHeading>{t('profile.title')}</PageHeading>
      <Card className="overview-card" data-color="neutral">
        <Heading level={2} data-size="sm">
          {t('profile.detailsHeading')}
        </Heading>
        <dl className="facts">
          <div>
            <dt>{t('profile.name')}</dt>
            <dd>{user.displayName}</dd>
          </div>
          <div>
            <dt>{t('profile.email')}</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>{t('profile.roles')}</dt>
            <dd>{user.roles.map((role) => codeText('roles', role)).join(', ') || none}</dd>
          </div>
          <div>
            <dt>{t('profile.units')}</dt>
            <dd>{units.map((unit) => unit.name).join(', ') || none}</dd>
          </div>
        </dl>
      </Card>
      <ChangePasswordForm />
    </>
  );
}
