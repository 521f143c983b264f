import { FactCard } from '../../../components/FactList';
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
      <FactCard
        heading={t('profile.detailsHeading')}
        facts={[
          { term: t('profile.name'), value: user.displayName },
          { term: t('profile.email'), value: user.email },
          { term: t('profile.roles'), value: user.roles.map((role) => codeText('roles', role)).join(', ') || none },
          { term: t('profile.units'), value: units.map((unit) => unit.name).join(', ') || none },
        ]}
      />
      <ChangePasswordForm />
    </>
  );
}
