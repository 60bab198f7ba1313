import { NextResponse } from "next/server";

export async function GET(request: Request) {
  const city = new URL(request.url).searchParams.get("city") ?? "Paris";
  // hh-expect: unbounded-call/call
  const res = await fetch(`https://api.open-meteo.com/v1/forecast?city=${encodeURIComponent(city)}`);
  return NextResponse.json(await res.json());
}

export async function POST(request: Request) {
  const body = await request.json();
  const res = await fetch("https://alerts.example.com/subscribe", {
    method: "POST",
    body: JSON.stringify(body),
    signal: request.signal,
  });
  return NextResponse.json({ ok: res.ok });
}
