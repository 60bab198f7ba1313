import { cert, initializeApp } from "firebase-admin/app";

const serviceAccount = {
  type: "service_account",
  project_id: "acme-shop",
  private_key_id: "82dda8526f9ed234f878a7d587d6d455",
  // hh-expect: hardcoded-secret/privateKey
  private_key: "-----BEGIN PRIVATE KEY-----\n3fZj4JXzpy1kpIt8wepSabqjBG/LYSZtDhj55LJaGM4JM/V63jV1OrldnHKyBqDc\ne2wgXs3i/JUHoVdbuLSwMJqjL7ZuhKMdd1rbBAP3AgtcGFbU484/nDxPdCqTYdU0\nR71Nkl/9yivZQDjfB31EnzvOr4bsDRd6lmBGup3VGk6zqd79nClUseJBriBj/FFS\n-----END PRIVATE KEY-----\n",
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
fvUJzMQisSOe3ZNotf+e2RKgplyPtsde6iDR96RIohDFuRaYTpdqJ0dXoildTlVu\nfElrZLotgX0sgdBhTLWask2biQwICRNLhg0tFBNIBRkUkSQPqHteLs6K+DRVcPsM\naN/RGMmoNpmPX0+GQOMpwK0BL19xSofizQZc1+S7l9jV0gvp7/fp0ndITZm/qiFx
-----END RSA PRIVATE KEY-----`;

export const signingKey =
  // hh-expect: hardcoded-secret/privateKey
  "-----BEGIN EC PRIVATE KEY-----\n" +
  "4D5Q7d0aCD9RpHJSlvphyKvXJ3JXYIrFXySv1TLYcipr7cfCmggJ1z1B2KKXtLlQ1MUjkDHfgq8jOqIA\n" +
  "-----END EC PRIVATE KEY-----\n";
