import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { QueryContent } from '../../../../app/errors';
import { useI18n } from '../../../../app/i18n';
import { useCan } from '../../../../app/permissions';
import { RouterLink } from '../../../../components/RouterLink';
import { LeaseLetterList } from '../../letters/LeaseLetterList';
import { useDwellingLeases } from '../leases.api';
import { LeaseTable } from './LeaseTable';

// Owned by the leases slice: current and past leases of one dwelling, for the dwelling page.
export function DwellingLeases({ dwellingId }: { dwellingId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const allowed = can('read:lease:any');
  const leases = useDwellingLeases(dwellingId, allowed);
  if (!allowed) return null;
  const currentId = `dwelling-leases-current-${dwellingId}`;
  const pastId = `dwelling-leases-past-${dwellingId}`;
  return (
    <section aria-labelledby="dwelling-leases-heading" className="form-stack">
      <Heading level={2} data-size="sm" id="dwelling-leases-heading">
        {t('leases.dwelling.heading')}
      </Heading>
      <QueryContent error={leases.error} data={leases.data} headingLevel={3}>
        {(data) => (
          <>
            {data.actions.create ? (
              <Paragraph>
                <RouterLink to={`/kontrakter/ny?dwellingId=${dwellingId}`}>{t('leases.dwelling.newForDwelling')}</RouterLink>
              </Paragraph>
            ) : null}
            <Heading level={3} data-size="xs" id={currentId}>
              {t('leases.dwelling.current')}
            </Heading>
            {data.current.length === 0 ? (
              <Paragraph>{t('leases.dwelling.noCurrent')}</Paragraph>
            ) : (
              <>
                <LeaseTable leases={data.current} labelledBy={currentId} showDwelling={false} />
                {data.current
                  .filter((lease) => lease.kind !== 'head')
                  .map((lease) => (
                    <LeaseLetterList key={lease.id} leaseId={lease.id} reference={lease.reference} />
                  ))}
              </>
            )}
            <Heading level={3} data-size="xs" id={pastId}>
              {t('leases.dwelling.past')}
            </Heading>
            {data.past.length === 0 ? (
              <Paragraph>{t('leases.dwelling.noPast')}</Paragraph>
            ) : (
              <LeaseTable leases={data.past} labelledBy={pastId} showDwelling={false} />
            )}
          </>
        )}
      </QueryContent>
    </section>
  );
}
