import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../../shared/i18n';
import { QueryContent, SubmitFailure } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { PageSection } from '../../../components/PageSection';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../tasks.api';
import { SuccessNotice } from '../../../components/SuccessNotice';

/** "Kalender-abonnement": create, rotate or revoke the personal ICS link; the link is shown once. */
export function CalendarFeedSection() {
  const { t } = useI18n();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<'copied' | 'revoked' | null>(null);
  const busy = create.isPending || revoke.isPending;

  const createLink = () => {
    setNotice(null);
    revoke.reset();
    create.mutate(undefined, { onSuccess: (created) => setUrl(created.url) });
  };
  const revokeLink = () => {
    setNotice(null);
    create.reset();
    revoke.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        setNotice('revoked');
      },
    });
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNotice('copied');
    } catch {
      // No clipboard access: the field is selectable, the user copies by hand.
      document.getElementById('calendar-feed-url')?.focus();
    }
  };

  return (
    <PageSection headingId="calendar-feed-heading" heading={t('tasks.calendar.heading')}>
      <Paragraph>{t('tasks.calendar.intro')}</Paragraph>
      <SubmitFailure error={create.error ?? revoke.error} />
      {notice ? (
        <SuccessNotice>{notice === 'copied' ? t('tasks.calendar.copied') : t('tasks.calendar.revoked')}</SuccessNotice>
      ) : null}
      <QueryContent error={feed.error} data={feed.data} headingLevel={3}>
        {(status) => (
          <div className="form-stack narrow">
            <Paragraph>
              {status.active && status.createdAt
                ? t('tasks.calendar.active', { date: formatDate(status.createdAt) })
                : t('tasks.calendar.inactive')}
            </Paragraph>
            {url ? (
              <>
                <Textfield
                  id="calendar-feed-url"
                  label={t('tasks.calendar.urlLabel')}
                  description={t('tasks.calendar.urlOnce')}
                  value={url}
                  readOnly
                  onFocus={(event) => event.currentTarget.select()}
                />
                <div>
                  <Button type="button" variant="secondary" onClick={() => void copy()}>
                    {t('tasks.calendar.copy')}
                  </Button>
                </div>
              </>
            ) : null}
            <div>
              <Button type="button" onClick={createLink} loading={create.isPending} disabled={busy}>
                {create.isPending
                  ? t('tasks.calendar.working')
                  : status.active
                    ? t('tasks.calendar.rotate')
                    : t('tasks.calendar.create')}
              </Button>{' '}
              {status.active ? (
                <Button
                  type="button"
                  variant="tertiary"
                  data-color="danger"
                  onClick={revokeLink}
                  loading={revoke.isPending}
                  disabled={busy}
                >
                  {t('tasks.calendar.revoke')}
                </Button>
              ) : null}
            </div>
          </div>
        )}
      </QueryContent>
    </PageSection>
  );
}
