import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 41 (retired to tune), session 38, developer ub38: a Firebase v1 callable's `data` parameter is
// reported at the body's first read of it that is more than a presence test, the source expression at its
// first use (README's line rule; round 41's conventions: servimap `functions/index.js:61` `} = data;` of a
// destructuring over several lines, `:151` `const actualizaciones = data`, choice-story
// `image-generation.ts:38`), not at the `(data, context) =>` parameter line. Rows in CommonJS with the v1
// namespace (as in the repository) and in TypeScript with `runWith(…)` and a region, `data` read inline.

const FUNCTIONS = { "package.json": "{ \"name\": \"functions\", \"dependencies\": { \"firebase-functions\": \"^4.9.0\", \"firebase-admin\": \"^12.0.0\" } }\n" };

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string, word: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(word, code.split("\n")[lineOf(code, text) - 1]!.indexOf(text)) + 1;

// CommonJS, the auth check first, then the fields destructured over several lines and written as sent.
const REGISTER = dedent`
  const functions = require("firebase-functions");
  const admin = require("firebase-admin");

  exports.register = functions.https.onCall(async (data, context) => {
    if (!context.auth) {
      throw new functions.https.HttpsError("unauthenticated", "Sign in first");
    }
    const {
      bio,
      location,
      hours
    } = data;
    await admin.firestore().collection("providers").doc(context.auth.uid).set({ bio, location, hours });
    return { ok: true };
  });
`;

// The whole object is the update: the line that takes it.
const UPDATE = dedent`
  const functions = require("firebase-functions");
  const admin = require("firebase-admin");

  exports.updateProfile = functions.https.onCall(async (data, context) => {
    if (!context.auth) {
      throw new functions.https.HttpsError("unauthenticated", "Sign in first");
    }
    const uid = context.auth.uid;
    const updates = data;
    await admin.firestore().doc(\`providers/\${uid}\`).update(updates);
    return { ok: true };
  });
`;

// TypeScript, v1 through runWith and a region: a presence test of a field first (no use), then the
// field read inline as a document id.
const ARCHIVE = dedent`
  import * as functions from "firebase-functions/v1";
  import * as admin from "firebase-admin";

  export const archiveNote = functions
    .region("europe-west1")
    .runWith({ memory: "256MB" })
    .https.onCall(async (data: any, ctx) => {
      if (!data || !data.noteId) {
        throw new functions.https.HttpsError("invalid-argument", "noteId is required");
      }
      await admin.firestore().collection("notes").doc(data.noteId).update({ archived: true, by: ctx.auth?.uid ?? null });
      return { ok: true };
    });
`;

const ARCHIVE_FIXED = dedent`
  import * as functions from "firebase-functions/v1";
  import * as admin from "firebase-admin";
  import { z } from "zod";

  const DataSchema = z.any();

  export const archiveNote = functions
    .region("europe-west1")
    .runWith({ memory: "256MB" })
    .https.onCall(async (rawData: any, ctx) => {
      const data = DataSchema.parse(rawData);
      if (!data || !data.noteId) {
        throw new functions.https.HttpsError("invalid-argument", "noteId is required");
      }
      await admin.firestore().collection("notes").doc(data.noteId).update({ archived: true, by: ctx.auth?.uid ?? null });
      return { ok: true };
    });
`;

const valid: ValidCase[] = [
  { name: "v1 callable: data only type-checked field by field before the write", filename: "functions/index.js", files: FUNCTIONS, code: dedent`
    const functions = require("firebase-functions");
    const admin = require("firebase-admin");

    exports.rename = functions.https.onCall(async (data, context) => {
      if (!context.auth) throw new functions.https.HttpsError("unauthenticated", "Sign in first");
      if (typeof data.name !== "string" || data.name.length > 80) {
        throw new functions.https.HttpsError("invalid-argument", "name must be a short string");
      }
      await admin.firestore().doc(\`users/\${context.auth.uid}\`).update({ name: data.name });
      return { ok: true };
    });
  ` },
];

const invalid: InvalidCase[] = [
  markedRow("v1 callable (CommonJS): data destructured over several lines, reported at `} = data;`", REGISTER, "functions/index.js", FUNCTIONS, "firebaseCallable", lineOf(REGISTER, "} = data;"), colOf(REGISTER, "} = data;", "data"), colOf(REGISTER, "} = data;", "data") + 4),
  markedRow("v1 callable (CommonJS): the whole data object as the update, reported where it is taken", UPDATE, "functions/index.js", FUNCTIONS, "firebaseCallable", lineOf(UPDATE, "const updates = data"), colOf(UPDATE, "const updates = data", "data"), colOf(UPDATE, "const updates = data", "data") + 4),
  { name: "v1 callable (TypeScript, region + runWith): a presence test first, reported at the read that keys the document", code: ARCHIVE, filename: "functions/src/notes.ts", files: FUNCTIONS, output: null, findings: [
    { case: "firebaseCallable", line: lineOf(ARCHIVE, ".doc(data.noteId)"), column: colOf(ARCHIVE, ".doc(data.noteId)", "data."), endColumn: colOf(ARCHIVE, ".doc(data.noteId)", "data.") + 4, suggestions: [
      // The fix still renames the parameter and parses it on the handler's first line.
      { title: "Validate data with Zod (adds the zod dependency)", output: ARCHIVE_FIXED },
      mark(ARCHIVE, "firebaseCallable", lineOf(ARCHIVE, ".doc(data.noteId)")),
    ] },
  ] },
];

describe("unvalidated-boundary: a Firebase v1 callable's data reported at its first read (round 41)", () => {
  runWithNamedCases(valid, invalid);
});
