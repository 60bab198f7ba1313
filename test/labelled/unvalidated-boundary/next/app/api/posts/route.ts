import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { auth } from "@/lib/auth";

const CreatePost = z.object({ title: z.string().min(1), content: z.string() });

export async function GET(request: NextRequest) {
  const { searchParams } = new URL(request.url);
  const page = Number(searchParams.get("page") ?? "1");
  const take = 20;
  // hh-expect: unvalidated-boundary/nextAppRequest
  const tag = searchParams.get("tag");
  const posts = await db.post.findMany({ where: tag ? { tags: { some: { name: tag } } } : {}, skip: (page - 1) * take, take });
  return NextResponse.json(posts);
}

export async function POST(request: NextRequest) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const parsed = CreatePost.safeParse(await request.json());
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues }, { status: 400 });
  const post = await db.post.create({ data: { ...parsed.data, authorId: session.user.id } });
  return NextResponse.json(post, { status: 201 });
}

export async function PATCH(request: NextRequest) {
  // hh-expect: unvalidated-boundary/nextAppRequest
  const body = (await request.json()) as { id: string; title?: string };
  const post = await db.post.update({ where: { id: body.id }, data: { title: body.title } });
  return NextResponse.json(post);
}

export async function DELETE(request: NextRequest) {
  // hh-expect: unvalidated-boundary/nextAppRequest
  const id = request.nextUrl.searchParams.get("id");
  if (!id) return NextResponse.json({ error: "missing id" }, { status: 400 });
  await db.post.delete({ where: { id } });
  return new NextResponse(null, { status: 204 });
}

export async function PUT(request: Request) {
  const form = await request.formData();
  // hh-expect: unvalidated-boundary/nextAppRequest
  const title = form.get("title");
  await db.post.create({ data: { title: String(title) } });
  return Response.json({ ok: true });
}
