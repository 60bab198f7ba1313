import { cert, initializeApp } from "firebase-admin/app";

const serviceAccount = {
  type: "service_account",
  project_id: "acme-shop",
  private_key_id: "55d768e25cacd9a2bfc7a466a801f264",
  // hh-expect: hardcoded-secret/privateKey
  private_key: "-----BEGIN PRIVATE KEY-----\nZtDhj55LJaGM4JM/V63jV1OrldnHKyBqDce2wgXs3i/JUHoVdbuLSwMJqjL7ZuhK\nMdd1rbBAP3AgtcGFbU484/nDxPdCqTYdU0R71Nkl/9yivZQDjfB31EnzvOr4bsDR\nd6lmBGup3VGk6zqd79nClUseJBriBj/FFSfvUJzMQisSOe3ZNotf+e2RKgplyPts\n-----END PRIVATE KEY-----\n",
  client_email: "firebase-adminsdk-x1y2z@acme-shop.iam.gserviceaccount.com",
  client_id: "109876543210987654321",
  token_uri: "https://oauth2.googleapis.com/token",
};

export const admin = initializeApp({ credential: cert(serviceAccount as never) });

export const adminFromEnv = initializeApp(
  { credential: cert({ projectId: "acme-shop", clientEmail: process.env.FIREBASE_CLIENT_EMAIL, privateKey: process.env.FIREBASE_PRIVATE_KEY?.replace(/\\n/g, "\n") }) },
  "env",
);

export const publicKeyPem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8fJqP0m4x3vUu3m1ZqQmYl1d2Yt9W0eH\n-----END PUBLIC KEY-----\n";

// hh-expect: hardcoded-secret/privateKey
export const githubAppPrivateKey = `-----BEGIN RSA PRIVATE KEY-----
de6iDR96RIohDFuRaYTpdqJ0dXoildTlVufElrZLotgX0sgdBhTLWask2biQwICR\nNLhg0tFBNIBRkUkSQPqHteLs6K+DRVcPsMaN/RGMmoNpmPX0+GQOMpwK0BL19xSo\nfizQZc1+S7l9jV0gvp7/fp0ndITZm/qiFxGh70FHjPSlUvSSuxRKukmWw44+FTDU
-----END RSA PRIVATE KEY-----`;

export const signingKey =
  // hh-expect: hardcoded-secret/privateKey
  "-----BEGIN EC PRIVATE KEY-----\n" +
  "KXtLlQ1MUjkDHfgq8jOqIACIH6UCNCGWfPidJkoZ23Z52PoH3Qbt0OMUl7fL9YjDzdvNqnmhJAnSgPFM\n" +
  "-----END EC PRIVATE KEY-----\n";
