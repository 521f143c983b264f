import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { QueryContent } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useCan } from '../../../app/permissions';
import { PageSection } from '../../../components/PageSection';
import { CreateLetterForm } from './CreateLetterForm';
import { LetterTable } from './LetterTable';
import { useLeaseLetters } from './letters.api';

// Owned by the letters slice: the letters of one lease (list, generate, download), for the lease
// page. Bodø's routine (requirements R8.5, R8.6): a notice before the tenancy period ends, then
// an invitation to a meeting about next steps.
export function LeaseLetters({ leaseId }: { leaseId: string }) {
  const { t } = useI18n();
  const allowed = useCan()('read:lease:any');
  const letters = useLeaseLetters(leaseId, { enabled: allowed });
  if (!allowed) return null;
  return (
    <PageSection headingId="lease-letters-heading" heading={t('letters.heading')}>
      <Paragraph className="lead">{t('letters.intro')}</Paragraph>
      <QueryContent error={letters.error} data={letters.data} headingLevel={3}>
        {(data) => (
          <>
            <Heading level={3} data-size="xs" id="lease-letters-list-heading">
              {t('letters.listHeading')}
            </Heading>
            {data.items.length === 0 ? (
              <Paragraph>{t('letters.none')}</Paragraph>
            ) : (
              <LetterTable letters={data.items} labelledBy="lease-letters-list-heading" />
            )}
            {data.actions.create ? (
              <>
                <Heading level={3} data-size="xs" id="lease-letters-form-heading">
                  {t('letters.form.heading')}
                </Heading>
                <CreateLetterForm leaseId={leaseId} />
              </>
            ) : null}
          </>
        )}
      </QueryContent>
    </PageSection>
  );
}
