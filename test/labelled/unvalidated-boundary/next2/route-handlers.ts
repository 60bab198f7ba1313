import { NextResponse, type NextRequest } from "next/server";
import { cookies } from "next/headers";
import { kv } from "@vercel/kv";
import { db } from "@/lib/db";
import { UpdateCartBody } from "@/lib/schemas";

export async function GET(request: NextRequest) {
  const cartId = cookies().get("cart")?.value;
  if (!cartId) return NextResponse.json({ items: [] });
  const cart = await kv.get(`cart:${cartId}`);
  return NextResponse.json(cart ?? { items: [] });
}

export async function POST(req: Request) {
  const body = UpdateCartBody.parse(await req.json());
  await kv.set(`cart:${body.cartId}`, { items: body.items });
  return NextResponse.json({ ok: true });
}

export async function PUT(req: Request) {
  // hh-expect: unvalidated-boundary/nextAppRequest
  const { cartId, items } = await req.json();
  await kv.set(`cart:${cartId}`, { items });
  return NextResponse.json({ ok: true });
}

export async function DELETE(request: NextRequest) {
  const sku = request.nextUrl.searchParams.get("sku") ?? "";
  if (!/^[A-Z0-9-]{3,32}$/.test(sku)) return NextResponse.json({ error: "bad sku" }, { status: 400 });
  await db.cartItem.deleteMany({ where: { sku } });
  return new NextResponse(null, { status: 204 });
}

export async function PATCH(request: NextRequest) {
  // hh-expect: unvalidated-boundary/nextAppRequest
  const field = request.nextUrl.searchParams.get("field")!;
  // hh-expect: unvalidated-boundary/nextAppRequest
  const value = request.nextUrl.searchParams.get("value");
  const profile = await db.profile.findFirst();
  // The field name picks the column: a raw key straight from the URL.
  const updated = { ...profile, [field]: value };
  await db.profile.update({ where: { id: profile!.id }, data: updated });
  return NextResponse.json(updated);
}
