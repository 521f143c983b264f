import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { QueryContent } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { LetterTable } from './LetterTable';
import { useLeaseLetters } from './letters.api';

/**
 * The letters sent about one lease, read-only, for the dwelling page (the lease page has the full
 * section with the form to make a new one). Headings are per lease, so several can stand on a page.
 */
export function LeaseLetterList({ leaseId, reference }: { leaseId: string; reference: string }) {
  const { t } = useI18n();
  const letters = useLeaseLetters(leaseId);
  const headingId = `lease-letters-of-${leaseId}`;
  return (
    <>
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('letters.ofLease', { reference })}
      </Heading>
      <QueryContent error={letters.error} data={letters.data} headingLevel={4}>
        {(data) =>
          data.items.length === 0 ? (
            <Paragraph>{t('letters.none')}</Paragraph>
          ) : (
            <LetterTable letters={data.items} labelledBy={headingId} />
          )
        }
      </QueryContent>
    </>
  );
}
