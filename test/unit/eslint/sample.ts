/**
 * The text the ESLint, oxlint and package tests lint: one finding of each family that has a
 * case here, in plain JavaScript (so espree parses it too), in a project that uses Express.
 */
export const SAMPLE = `import express from "express";
const app = express();
app.post("/users", async (req, res) => {
  await db.users.insert(req.body);
  res.send("ok");
});
try { f(); } catch (e) {}
const hubspot = new HubSpotClient({ accessToken: "pat-na1-5b8e14f1-69f7-48ce-9e67-f515b795e6c8" });
`;

/** SAMPLE after `--fix`: the one safe fix (log the error) applied, nothing else. */
export const SAMPLE_FIXED = SAMPLE.replace("catch (e) {}", 'catch (e) {\n  console.error("f failed", e);\n}');

export const SAMPLE_PACKAGE_JSON = JSON.stringify({ name: "app", dependencies: { express: "5.0.0" } });
