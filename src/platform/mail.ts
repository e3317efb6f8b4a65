import nodemailer from 'nodemailer';
import type { Config } from './config';

/** Sends a plain-text e-mail when SMTP is configured; returns false (and sends nothing) otherwise. */
export async function sendMail(config: Config, to: string, subject: string, text: string): Promise<boolean> {
  if (!config.MINKA_SMTP_URL) return false;
  const transport = nodemailer.createTransport(config.MINKA_SMTP_URL);
  await transport.sendMail({ from: config.MINKA_MAIL_FROM, to, subject, text });
  return true;
}
