import pino, { type Logger } from 'pino';

// Application logs never carry personal data (brief §4, RELIABILITY S17): requests are logged as
// method + route pattern + status, never bodies, query strings or headers, and error text is
// scrubbed of anything shaped like an identity number, e-mail address or phone number.
const elevenDigits = /\b\d{11}\b/g;
const twelveDigits = /\b\d{12}\b/g;
const email = /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi;
const phone = /\+?\d[\d ]{7,}\d/g;

export function scrub(text: string): string {
  return text
    .replace(twelveDigits, '[id]')
    .replace(elevenDigits, '[id]')
    .replace(email, '[e-post]')
    .replace(phone, '[tlf]');
}

export function createLogger({ level, destination }: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level,
      base: { service: 'husly' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ['req.headers', 'body', 'password', '*.password'], remove: true },
    },
    destination,
  );
}

/** What of an unexpected error may be logged: its kind and a scrubbed message and stack. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { kind: typeof error };
  const pgCode = (error as { code?: unknown }).code;
  return {
    name: error.name,
    code: typeof pgCode === 'string' ? pgCode : undefined,
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack) : undefined,
  };
}
