import { cert, initializeApp } from "firebase-admin/app";

const serviceAccount = {
  type: "service_account",
  project_id: "acme-shop",
  private_key_id: "4da29bf3517c7ba55d66249f0a372ad9",
  // hh-expect: hardcoded-secret/privateKey
  private_key: "-----BEGIN PRIVATE KEY-----\ngZ85bEcPrfftlQLY1xjcFI2V1edkxnMSvbtDKPhsY21MRRfVCB0npQdYaTK8X6S1\n0gewoViG6k2uBw7jQoQGLeOjhIln0seY7eSXbv77MwvGZmi5Qx2a99GaZ9EXhwmz\nK+qanOZ38HGgQGu+/U90/OpbT8zAyHWRxzMD6Ps3npMId6BreqyfMbYOrxba892Q\n-----END PRIVATE KEY-----\n",
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
Ful9HVGfQ+no5tTfTR8DUHyW0hVkhM7yj5sEverIpOT5DyhoXaJHphkbki24tRQ2\nL29LT4iFcVNFvMjRo8QS0ireTmCST/M8xscErq2XlWpdU33+WsqWFtSHpO5hrChf\nsF1AUEvBQIurZ7kXDTdeqcDtsttCqkinYpPA9W+xtBh32nCp0yNrHQGydD5T4Ldj
-----END RSA PRIVATE KEY-----`;

export const signingKey =
  // hh-expect: hardcoded-secret/privateKey
  "-----BEGIN EC PRIVATE KEY-----\n" +
  "zz3YwLuIsKDK9pC5jRe8xelmibxVoU2qEkJTwPJ01RQOILGosoxv8biNPcxy2ILh4pekDfN9WaofBN4N\n" +
  "-----END EC PRIVATE KEY-----\n";
