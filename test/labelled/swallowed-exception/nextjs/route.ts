import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/prisma";
import { stripe } from "@/lib/stripe";
import { logger } from "@/lib/logger";
import { revalidateTag } from "next/cache";

const Checkout = z.object({ priceId: z.string(), quantity: z.number().int().positive() });

export async function GET(req: NextRequest) {
  const slug = req.nextUrl.searchParams.get("slug");
  if (!slug) return NextResponse.json({ error: "slug is required" }, { status: 400 });
  try {
    const post = await prisma.post.findUnique({ where: { slug } });
    if (!post) return NextResponse.json({ error: "not found" }, { status: 404 });
    return NextResponse.json(post);
  } catch (err) {
    logger.error({ err, slug }, "load post failed");
    return NextResponse.json({ error: "Internal Server Error" }, { status: 500 });
  }
}

export async function POST(req: NextRequest) {
  let input: z.infer<typeof Checkout>;
  try {
    input = Checkout.parse(await req.json());
  } catch {
    return NextResponse.json({ error: "Invalid request body" }, { status: 400 });
  }
  try {
    const session = await stripe.checkout.sessions.create({ line_items: [{ price: input.priceId, quantity: input.quantity }], mode: "payment" });
    return NextResponse.json({ url: session.url });
    // hh-expect: swallowed-exception/rethrowWithoutCause
  } catch (err) {
    throw new Error("Stripe checkout failed");
  }
}

export async function DELETE(req: NextRequest) {
  const id = req.nextUrl.searchParams.get("id") ?? "";
  try {
    await prisma.post.delete({ where: { id } });
  // hh-expect: swallowed-exception/logAndContinue
  } catch (e) {
    console.error(e);
  }
  revalidateTag("posts");
  return new Response(null, { status: 204 });
}

export async function PUT(req: NextRequest) {
  const body = await req.json();
  try {
    const post = await prisma.post.update({ where: { id: body.id }, data: body });
    return NextResponse.json(post);
  } catch (err) {
    if ((err as { code?: string }).code === "P2025") {
      return NextResponse.json({ error: "not found" }, { status: 404 });
    }
    throw err;
  }
}

export async function PATCH(req: NextRequest) {
  const { id, views } = await req.json();
  try {
    await prisma.post.update({ where: { id }, data: { views } });
    // hh-expect: swallowed-exception/partialErrorCheck
  } catch (err) {
    if ((err as { code?: string }).code === "P2025") {
      return NextResponse.json({ error: "not found" }, { status: 404 });
    }
  }
  return NextResponse.json({ ok: true });
}
