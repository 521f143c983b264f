import type { LetterDto } from '../../../shared/api/letters';
import type { LetterRow } from './letters.repository';

/** A stored letter as the API shows it: metadata and where to fetch the PDF, never the bytes. */
export function presentLetter(row: LetterRow): LetterDto {
  return {
    id: row.id,
    leaseId: row.lease_id,
    kind: row.kind,
    language: row.language,
    meetingAt: row.meeting_at ? row.meeting_at.toISOString() : null,
    meetingPlace: row.meeting_place,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    createdAt: row.created_at.toISOString(),
    createdBy: { id: row.created_by, name: row.created_by_name ?? '' },
    pdfUrl: `/api/letters/${row.id}.pdf`,
  };
}
