import type { FastifyReply } from 'fastify';

/** A PDF as it was stored when sent: its bytes, download name and SHA-256 of the bytes. */
export interface StoredPdf {
  pdf: Uint8Array;
  fileName: string;
  sha256: string;
}

/**
 * Sends a stored letter as a download. The digest header lets the caller check that the file is
 * the one that was sent (the same sha256 is in the letter's record). Letters carry personal data,
 * so no cache keeps a copy (like the other letter and export routes).
 */
export function sendStoredPdf(reply: FastifyReply, { pdf, fileName, sha256 }: StoredPdf): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('x-content-sha256', sha256)
    .header('cache-control', 'no-store')
    .send(pdf);
}
