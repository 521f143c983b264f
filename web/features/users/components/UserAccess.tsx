import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { StaffUserDto } from '../../../../shared/api/users';
import { isVersionConflict, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { useUpdateUser } from '../users.api';

/**
 * Deactivate (when the server allows it: `actions.deactivate`) or reactivate a staff member.
 * One button that changes its label, so keyboard focus stays on it after the change.
 */
export function UserAccess({
  user,
  onDone,
  onConflict,
}: {
  user: StaffUserDto;
  onDone: (active: boolean) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  const update = useUpdateUser(user.id, session.user.id);
  const canChange = user.active ? user.actions.deactivate : user.actions.update;

  const setActive = (active: boolean) => {
    update.reset();
    update.mutate(
      { version: user.version, changes: { active } },
      {
        onSuccess: () => onDone(active),
        onError: (error) => {
          if (isVersionConflict(error)) onConflict();
        },
      },
    );
  };

  const label = user.active
    ? update.isPending
      ? t('users.detail.deactivating')
      : t('users.detail.deactivate')
    : update.isPending
      ? t('users.detail.reactivating')
      : t('users.detail.reactivate');

  return (
    <>
      {/* A conflict is told by the page, which shows the record as it now is. */}
      <SubmitFailure error={update.error} explained={isVersionConflict(update.error)} />
      <Paragraph className="lead">
        {user.active ? t('users.detail.deactivateHelp') : t('users.detail.inactiveNotice')}
      </Paragraph>
      {canChange ? (
        <div>
          <Button
            variant="secondary"
            data-color={user.active ? 'danger' : 'accent'}
            loading={update.isPending}
            onClick={() => setActive(!user.active)}
          >
            {label}
          </Button>
        </div>
      ) : null}
    </>
  );
}
