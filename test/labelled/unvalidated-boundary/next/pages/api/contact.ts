import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";
import { prisma } from "../../../db";
import { sendMail } from "../../../mail";

const ContactForm = z.object({
  email: z.string().email(),
  message: z.string().min(10).max(5000),
});

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    res.status(405).end();
    return;
  }
  const parsed = ContactForm.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ errors: parsed.error.flatten() });
    return;
  }
  await prisma.contactMessage.create({ data: parsed.data });
  await sendMail({ to: "support@example.com", subject: "New contact", text: parsed.data.message });
  res.status(200).json({ ok: true });
}
