import nodemailer from 'nodemailer';

// E-mail notifications go through SMTP when SMTP_URL is configured (smtp://host:port or smtps://).
// A mail holds a task title, its due date and a link — never a tenant's name (decision 010).

export type Mail = { to: readonly string[]; subject: string; text: string };

export type Mailer = {
  send(mail: Mail): Promise<void>;
  close(): void;
};

export function createSmtpMailer({ url, from }: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({
    url,
    // A stalled mail server must not hold a sweep (and its row locks) for long.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as nodemailer.TransportOptions);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: [...mail.to], subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
