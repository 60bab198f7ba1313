"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth";

const ProfileForm = z.object({
  displayName: z.string().min(1).max(50),
  bio: z.string().max(500).optional(),
});

export async function updateProfile(formData: FormData) {
  const user = await currentUser();
  const parsed = ProfileForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors };
  await db.user.update({ where: { id: user.id }, data: parsed.data });
  revalidatePath("/settings");
}

// hh-expect: unvalidated-boundary/nextServerAction
export async function changeEmail(formData: FormData) {
  const user = await currentUser();
  const email = formData.get("email") as string;
  await db.user.update({ where: { id: user.id }, data: { email } });
  revalidatePath("/settings");
}

// hh-expect: unvalidated-boundary/nextServerAction
export async function deleteToken(formData: FormData) {
  const user = await currentUser();
  const tokenId = formData.get("tokenId");
  await db.apiToken.deleteMany({ where: { id: String(tokenId), userId: user.id } });
  revalidatePath("/settings/tokens");
}

export async function savePreferences(formData: FormData) {
  const user = await currentUser();
  // hh-expect: unvalidated-boundary/nextServerAction
  const prefs = Object.fromEntries(formData);
  await db.preferences.upsert({ where: { userId: user.id }, create: { userId: user.id, ...prefs }, update: prefs });
}

export async function goToTeam(formData: FormData) {
  const slug = formData.get("slug");
  if (typeof slug !== "string" || !/^[a-z0-9-]{2,40}$/.test(slug)) return { error: "bad slug" };
  redirect(`/teams/${slug}`);
}

export async function setTheme(formData: FormData) {
  const theme = formData.get("theme");
  const allowed = ["light", "dark", "system"];
  if (!allowed.includes(String(theme))) return;
  const user = await currentUser();
  await db.user.update({ where: { id: user.id }, data: { theme: String(theme) } });
}
