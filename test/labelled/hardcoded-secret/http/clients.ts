import axios from "axios";
import got from "got";

export const billing = axios.create({
  baseURL: "https://billing.internal/api",
  timeout: 10_000,
  // hh-expect: hardcoded-secret/authorizationHeader
  headers: { Authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.aZDSaxuo19qn01rHbEWEP4pX0hfu7QdMxHiwvnyP.gttzPqztbWjaIPHbXcQ17t-isGkBp9RwWQ-e_-hdCDb" },
});

export const crm = axios.create({
  baseURL: "https://crm.acme.io/v2",
  headers: { Authorization: `Bearer ${process.env.CRM_TOKEN}` },
});

export const reports = got.extend({
  prefixUrl: "https://reports.internal",
  headers: {
    // hh-expect: hardcoded-secret/authorizationHeader
    authorization: "Basic YWRtaW46UjNkRm94ITk3",
    "user-agent": "acme-reports/2.1",
  },
});

export async function fetchInvoices(customerId: string) {
  const res = await fetch(`https://api.vendor.io/v1/customers/${customerId}/invoices`, {
    headers: {
      Accept: "application/json",
      // hh-expect: hardcoded-secret/suspiciousName
      "X-API-Key": "KTW7BXvZEqbhz2Hsh5YuT2iyEXhnDuFO",
    },
  });
  return res.json();
}

export async function fetchWeather(city: string) {
  // hh-expect: hardcoded-secret/suspiciousName
  const apiKey = "58a755082e9ba8c81d13c4cadddad2d9";
  const res = await fetch(`https://api.openweathermap.org/data/2.5/weather?q=${encodeURIComponent(city)}&appid=${apiKey}`);
  return res.json();
}

export function withAuth(init: RequestInit, token: string): RequestInit {
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } };
}

export async function callPartner(path: string) {
  const req = new Request(`https://partner.example.net${path}`);
  // hh-expect: hardcoded-secret/authorizationHeader
  req.headers.set("Authorization", "Bearer DJ4zOTg5R6SSUWVruSewsfhVZAFavlKPUhz6jgoi");
  return fetch(req);
}

export const AUTH_HEADER = "Authorization";
export const TOKEN_PREFIX = "Bearer ";
export const API_KEY_QUERY_PARAM = "api_key";
