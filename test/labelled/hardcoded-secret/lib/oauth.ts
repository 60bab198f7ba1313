import { AuthorizationCode } from "simple-oauth2";
import { createClient } from "@supabase/supabase-js";

export const oauth = new AuthorizationCode({
  client: {
    id: "acme-web",
    // hh-expect: hardcoded-secret/suspiciousName
    secret: "TBUx7sa6Z5GuVDI8voD01ZO4BcgJkr1cjo01FOxR",
  },
  auth: { tokenHost: "https://auth.partner.io", tokenPath: "/oauth/token", authorizePath: "/oauth/authorize" },
});

export const oauthFromEnv = new AuthorizationCode({
  client: { id: process.env.OAUTH_CLIENT_ID!, secret: process.env.OAUTH_CLIENT_SECRET! },
  auth: { tokenHost: "https://auth.partner.io" },
});

// The anon key is public by design (row-level security applies); the service-role key is not.
const SUPABASE_URL = "https://xyzcompany.supabase.co";
const SUPABASE_ANON_KEY = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!;
export const supabase = createClient(SUPABASE_URL, SUPABASE_ANON_KEY);

// hh-expect: hardcoded-secret/suspiciousName
const SUPABASE_SERVICE_ROLE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.xWQVGVEi993qoJTmfSihcQXN2af5QW9G-bt0_Cab.7uNqqaRzLvjuLjD9ldWWG_ilndD0obN6lNFy0poEQY5";
export const supabaseAdmin = createClient(SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, { auth: { persistSession: false } });

export const GOOGLE_OAUTH_CLIENT_ID = "407408718192-9k8j7h6g5f4d3s2a1q0w9e8r7t6y5u4i.apps.googleusercontent.com";
export const OAUTH_SCOPES = ["openid", "email", "profile"];
export const TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token";
export const oauthState = { codeVerifierCookie: "pkce_verifier", stateCookie: "oauth_state" };
