"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/prisma";
import { sendEmail } from "@/lib/email";
import { track } from "@/lib/analytics";

export type ActionState = { ok: true } | { ok: false; message: string };

export async function subscribe(_prev: ActionState, form: FormData): Promise<ActionState> {
  const email = String(form.get("email") ?? "");
  try {
    await prisma.subscriber.create({ data: { email } });
  } catch (err) {
    return { ok: false, message: "Could not subscribe, please try again" };
  }
  // hh-expect: swallowed-exception/promiseCatchNoop
  track("subscribe", { email }).catch(() => undefined);
  revalidatePath("/");
  return { ok: true };
}

export async function unsubscribe(form: FormData) {
  const token = String(form.get("token") ?? "");
  try {
    await prisma.subscriber.delete({ where: { token } });
  // hh-expect: swallowed-exception/emptyCatch
  } catch {}
  redirect("/goodbye");
}

export async function sendDigest(userIds: string[]) {
  // hh-expect: swallowed-exception/allSettledUnchecked
  const outcome = await Promise.allSettled(userIds.map((id) => sendEmail(id, "digest")));
  return userIds.length;
}

export async function loadDrafts(authorId: string) {
  try {
    return await prisma.post.findMany({ where: { authorId, published: false } });
  // hh-expect: swallowed-exception/catchReturnsDefault
  } catch {
    return [];
  }
}

export async function publish(id: string) {
  try {
    await prisma.post.update({ where: { id }, data: { published: true } });
  } catch (err) {
    throw new Error(`publish ${id} failed`, { cause: err });
  }
  revalidatePath(`/posts/${id}`);
}
