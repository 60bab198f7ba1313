import axios from "axios";
import got from "got";

export const billing = axios.create({
  baseURL: "https://billing.internal/api",
  timeout: 10_000,
  // hh-expect: hardcoded-secret/authorizationHeader
  headers: { Authorization: "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.WEvox3cfAVuzDfF8dBKLh7mdJ_T5IOVl-_vcT7i3.ii5C7mLf_e_-GamCm06recAqQTKMHlbFxQDY1ngzz2V" },
});

export const crm = axios.create({
  baseURL: "https://crm.acme.io/v2",
  headers: { Authorization: `Bearer ${process.env.CRM_TOKEN}` },
});

export const reports = got.extend({
  prefixUrl: "https://reports.internal",
  headers: {
    // hh-expect: hardcoded-secret/authorizationHeader
    authorization: "Basic YWRtaW46UEBzc3cwcmQh",
    "user-agent": "acme-reports/2.1",
  },
});

export async function fetchInvoices(customerId: string) {
  const res = await fetch(`https://api.vendor.io/v1/customers/${customerId}/invoices`, {
    headers: {
      Accept: "application/json",
      // hh-expect: hardcoded-secret/suspiciousName
      "X-API-Key": "H5CMjteVnHJBzHPTOylaLoNly4qhCfWx",
    },
  });
  return res.json();
}

export async function fetchWeather(city: string) {
  // hh-expect: hardcoded-secret/suspiciousName
  const apiKey = "1c930eb9a790c7cb0c3a3c48f5434819";
  const res = await fetch(`https://api.openweathermap.org/data/2.5/weather?q=${encodeURIComponent(city)}&appid=${apiKey}`);
  return res.json();
}

export function withAuth(init: RequestInit, token: string): RequestInit {
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } };
}

export async function callPartner(path: string) {
  const req = new Request(`https://partner.example.net${path}`);
  // hh-expect: hardcoded-secret/authorizationHeader
  req.headers.set("Authorization", "Bearer XpVRWdxkeRHTrfkS2k9FFdvs35pNMBJupulNpYX8");
  return fetch(req);
}

export const AUTH_HEADER = "Authorization";
export const TOKEN_PREFIX = "Bearer ";
export const API_KEY_QUERY_PARAM = "api_key";
