import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../../../components/PageHeading';
import { useI18n, usePageTitle } from '../../../app/i18n';
import type { ModuleKey } from '../modules';

/** A module that is under development: what it will do, and that it is not in use yet. */
export function ModulePage({ module }: { module: ModuleKey }) {
  const { t } = useI18n();
  const title = t(`modules.${module}.title`);
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph variant="long" className="lead">
        {t(`modules.${module}.description`)}
      </Paragraph>
      <Alert data-color="info" className="notice">
        <Paragraph>{t('modules.underDevelopment')}</Paragraph>
      </Alert>
    </>
  );
}
