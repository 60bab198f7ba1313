import nodemailer from "nodemailer";
import { SESClient } from "@aws-sdk/client-ses";

export const transporter = nodemailer.createTransport({
  host: "smtp.sendgrid.net",
  port: 587,
  auth: {
    user: "apikey",
    // hh-expect: hardcoded-secret/providerKey
    pass: "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",
  },
});

export const gmail = nodemailer.createTransport({
  service: "gmail",
  // hh-expect: hardcoded-secret/suspiciousName
  auth: { user: "reports@acme.io", pass: "N0rth-Star" },
});

export const smtpFromEnv = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

export const ses = new SESClient({ region: "eu-west-1" });

export async function sendPasswordReset(to: string, link: string): Promise<void> {
  await transporter.sendMail({
    from: "Acme <security@acme.io>",
    to,
    subject: "Reset your password",
    text: `Someone asked to reset your password. Follow ${link} within 30 minutes, or ignore this email.`,
  });
}
