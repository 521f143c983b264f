import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { TermWarningDto } from '../../../../../shared/api/leases';
import { formatDate } from '../../../../../shared/i18n';
import { useI18n } from '../../../../app/i18n';

/** Warnings about a lease's term (§ 9-3, § 11-1): they do not block saving; the caseworker decides. */
export function TermWarnings({ warnings, headingLevel = 3 }: { warnings: readonly TermWarningDto[]; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Alert data-color="warning" className="notice">
      <Heading level={headingLevel} data-size="xs">
        {t('leases.warnings.heading')}
      </Heading>
      {warnings.map((warning) => (
        <Paragraph key={warning.code}>
          {warning.code === 'lease.term_shorter_than_3_years'
            ? t('leases.warnings.termShort', { minimumEnd: formatDate(warning.minimumEnd) })
            : t('leases.warnings.basis111')}
        </Paragraph>
      ))}
    </Alert>
  );
}
