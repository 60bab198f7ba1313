"use server";

import { db } from "@/lib/db";
import { revalidatePath } from "next/cache";
import { TodoSchema } from "@/lib/schemas";

export async function addTodo(formData) {
  const parsed = TodoSchema.safeParse({ title: formData.get("title") });
  if (!parsed.success) return { error: "Title is required" };
  await db.todo.create({ data: parsed.data });
  revalidatePath("/");
}

// hh-expect: unvalidated-boundary/nextServerAction
export async function toggleTodo(formData) {
  const id = formData.get("id");
  const todo = await db.todo.findUnique({ where: { id } });
  await db.todo.update({ where: { id: todo.id }, data: { done: !todo.done } });
  revalidatePath("/");
}

// hh-expect: unvalidated-boundary/nextServerAction
export async function renameTodo(formData) {
  const id = String(formData.get("id") ?? "");
  if (!/^c[a-z0-9]{24}$/.test(id)) return { error: "bad id" };
  const title = formData.get("title");
  await db.todo.update({ where: { id }, data: { title } });
  revalidatePath("/");
}

export async function clearDone() {
  await db.todo.deleteMany({ where: { done: true } });
  revalidatePath("/");
}
