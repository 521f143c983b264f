import { Link, Table } from '@digdir/designsystemet-react';
import type { LetterDto } from '../../../../shared/api/letters';
import { formatDate } from '../../../../shared/i18n';
import { ScrollTable, TableHeader } from '../../../components/ScrollTable';
import { useI18n } from '../../../app/i18n';

// Meeting times are Norwegian wall-clock times, whatever the browser's time zone.
const meetingFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** The letters of one lease, newest first, each with its PDF link. */
export function LetterTable({ letters, labelledBy }: { letters: readonly LetterDto[]; labelledBy: string }) {
  const { t } = useI18n();
  return (
    <ScrollTable labelledBy={labelledBy}>
      <TableHeader
        columns={[
          t('letters.table.kind'),
          t('letters.table.language'),
          t('letters.table.meeting'),
          t('letters.table.created'),
          t('letters.table.createdBy'),
          t('letters.table.file'),
        ]}
      />
      <Table.Body>
        {letters.map((letter) => {
          const kind = t(`letters.kinds.${letter.kind}`);
          const created = formatDate(letter.createdAt);
          return (
            <Table.Row key={letter.id}>
              <Table.Cell>{kind}</Table.Cell>
              <Table.Cell>{t(`letters.languages.${letter.language}`)}</Table.Cell>
              <Table.Cell>
                {letter.meetingAt
                  ? `${meetingFormat.format(new Date(letter.meetingAt))}${letter.meetingPlace ? `, ${letter.meetingPlace}` : ''}`
                  : t('letters.noMeeting')}
              </Table.Cell>
              <Table.Cell>{created}</Table.Cell>
              <Table.Cell>{letter.createdBy.name}</Table.Cell>
              <Table.Cell>
                {/* The visible text starts the accessible name; the rest tells the rows' links apart. */}
                <Link
                  href={letter.pdfUrl}
                  download
                  aria-label={`${t('letters.download')}: ${t('letters.downloadHidden', { kind, date: created })}`}
                >
                  {t('letters.download')}
                </Link>
              </Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </ScrollTable>
  );
}
