import { NextResponse } from "next/server";
import { Pool } from "pg";

// hh-expect: hardcoded-secret/connectionString
const pool = new Pool({ connectionString: "postgresql://orders:BTt17V4Pg2ngLYvb@orders-db.internal:5432/orders" });

export async function GET(): Promise<Response> {
  const { rows } = await pool.query("select id, total from orders order by created_at desc limit 50");
  return NextResponse.json(rows);
}

export async function POST(req: Request): Promise<Response> {
  const body = (await req.json()) as { sku: string; qty: number };
  const res = await fetch("https://inventory.internal/api/reserve", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      // hh-expect: hardcoded-secret/authorizationHeader
      Authorization: "Bearer Y2ID0YKZjFiIwmuGVv4WUhtK19G4eOSkKTP0e6Yq",
    },
    body: JSON.stringify(body),
  });
  return NextResponse.json(await res.json(), { status: res.status });
}
