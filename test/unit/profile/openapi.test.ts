import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { computeProfile } from "../../../src/profile/detect";
import { MAX_SPEC_CHARS, pathSegments } from "../../../src/profile/openapi";

// The app-wide OpenAPI request validator of a project (production overseerr: express-openapi-validator
// mounted in server/index.ts with `apiSpec: path.join(__dirname, "../overseerr-api.yml")`).

const PACKAGE = '{ "dependencies": { "express": "^4.18.0", "express-openapi-validator": "4.13.8" }, "scripts": { "dev": "ts-node -r tsconfig-paths/register server/main.ts" } }';

const SERVER = (options: string) => `import express from "express";
import path from "path";
import * as OpenApiValidator from "express-openapi-validator";
const API_SPEC_PATH = path.join(__dirname, "../api.yml");
const app = express();
app.use(OpenApiValidator.middleware(${options}));
`;

const YAML_SPEC = `openapi: '3.0.2'
info:
  title: t
  version: '1'
servers:
  - url: '{server}/api/v1'
paths:
  /user/{userId}:
    parameters:
      - in: path
        name: userId
        required: true
        schema:
          type: number
    get:
      parameters:
        - in: query
          name: take
          schema:
            $ref: '#/components/schemas/Take'
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/User' } } }, required: true }
  /user/{userId}/settings/main:
    get: {}
components:
  schemas:
    Take:
      type: integer
      maximum: 100
    User:
      type: object
      properties:
        email:
          type: string
`;

function profile(files: Record<string, string>, root = "/p") {
  return computeProfile(new MemoryProjectHost(new Map(Object.entries(files).map(([k, v]) => [`${root}/${k}`, v]))), root, true);
}

describe("profile: the app-wide OpenAPI request validator", () => {
  it("finds the mount in the server's entry, the document at its apiSpec (a const of path.join), and its operations", () => {
    const api = profile({ "package.json": PACKAGE, "server/index.ts": SERVER("{ apiSpec: API_SPEC_PATH, validateRequests: true }"), "api.yml": YAML_SPEC }).openApi?.();
    assert.ok(api);
    assert.equal(api.mountFile, "/p/server/index.ts");
    assert.deepEqual(api.specFiles, ["api.yml"]);
    assert.equal(api.removesAdditional, false);
    // The whole path from the app, under the servers' base path; a parameter matches a parameter whatever its name.
    const get = api.operation("GET", ["api", "v1", "user", ":id"], true);
    assert.equal(get?.path, "/user/{userId}");
    assert.deepEqual(get?.parameter("path", "userId"), { type: "number" });
    assert.deepEqual(get?.resolve(get.parameter("query", "take")), { type: "integer", maximum: 100 });
    assert.equal(get?.body, undefined);
    assert.deepEqual(api.operation("post", ["api", "v1", "user", ":id"], true)?.body, { schema: { type: "object", properties: { email: { type: "string" } } }, required: true });
    // Not under the base path, an undeclared method, a literal where the document has a parameter: no operation.
    assert.equal(api.operation("get", ["user", ":id"], true), undefined);
    assert.equal(api.operation("delete", ["api", "v1", "user", ":id"], true), undefined);
    assert.equal(api.operation("get", ["api", "v1", "user", "me"], true), undefined);
    // A router whose mount is not seen: the unique document path its path ends.
    assert.equal(api.operation("get", ["settings", "main"], false)?.path, "/user/{userId}/settings/main");
    assert.equal(api.operation("get", [":id"], false)?.path, "/user/{userId}");
    assert.equal(api.operation("get", [], false), undefined);
  });

  it("reads the entry a package.json script runs, a literal apiSpec from the root, and removeAdditional", () => {
    const api = profile({ "package.json": PACKAGE, "server/main.ts": SERVER('{ apiSpec: "./api.yml", validateRequests: { removeAdditional: "all" } }'), "api.yml": YAML_SPEC }).openApi?.();
    assert.equal(api?.mountFile, "/p/server/main.ts");
    assert.equal(api?.removesAdditional, true);
  });

  it("an apiSpec it cannot work out: the document at the root or one folder below whose top level says openapi", () => {
    const json = JSON.stringify({ swagger: "2.0", basePath: "/v2", paths: { "/pets/{petId}": { put: { parameters: [{ in: "path", name: "petId", type: "integer" }, { in: "body", name: "pet", required: true, schema: { $ref: "#/definitions/Pet" } }] } } }, definitions: { Pet: { type: "object", properties: { name: { type: "string" } } } } });
    const api = profile({ "package.json": PACKAGE, "src/app.ts": SERVER("{ apiSpec: spec }"), "docs/openapi.json": json, "docs/other-api.json": '{ "name": "not a document" }' }).openApi?.();
    assert.deepEqual(api?.specFiles, ["docs/openapi.json"]);
    const put = api?.operation("put", ["v2", "pets", ":id"], true);
    assert.equal(put?.parameter("path", "petId")?.type, "integer");
    assert.deepEqual(put?.body, { schema: { type: "object", properties: { name: { type: "string" } } }, required: true });
  });

  it("no validator: not a dependency, not mounted, validateRequests false, or ignorePaths it does not evaluate", () => {
    assert.equal(profile({ "package.json": '{ "dependencies": { "express": "^4" } }', "server/index.ts": SERVER("{ apiSpec: API_SPEC_PATH }"), "api.yml": YAML_SPEC }).openApi?.(), undefined);
    assert.equal(profile({ "package.json": PACKAGE, "server/index.ts": 'import express from "express";\n', "api.yml": YAML_SPEC }).openApi?.(), undefined);
    assert.equal(profile({ "package.json": PACKAGE, "server/index.ts": SERVER("{ apiSpec: API_SPEC_PATH, validateRequests: false }"), "api.yml": YAML_SPEC }).openApi?.(), undefined);
    assert.equal(profile({ "package.json": PACKAGE, "server/index.ts": SERVER("{ apiSpec: API_SPEC_PATH, ignorePaths: /.*\\/pets$/ }"), "api.yml": YAML_SPEC }).openApi?.(), undefined);
  });

  it("a bad or huge document is left out, never a crash", () => {
    const server = SERVER("{ apiSpec: API_SPEC_PATH }");
    assert.equal(profile({ "package.json": PACKAGE, "server/index.ts": server, "api.yml": "openapi: '3.0.2'\npaths: [unclosed\n  : :" }).openApi?.(), undefined);
    assert.equal(profile({ "package.json": PACKAGE, "server/index.ts": server, "api.yml": "title: not a document\n" }).openApi?.(), undefined);
    assert.equal(profile({ "package.json": PACKAGE, "server/index.ts": server, "api.yml": `openapi: '3.0.2'\npaths: {}\n# ${"x".repeat(MAX_SPEC_CHARS)}\n` }).openApi?.(), undefined);
    // A reference loop: no schema at the end of it.
    const loop = YAML_SPEC.replace("type: integer\n      maximum: 100", "$ref: '#/components/schemas/Take'");
    const api = profile({ "package.json": PACKAGE, "server/index.ts": server, "api.yml": loop }).openApi?.();
    const get = api?.operation("get", ["api", "v1", "user", ":id"], true);
    assert.equal(get?.resolve(get.parameter("query", "take")), undefined);
  });

  it("reads the project once: the answer is kept with the profile", () => {
    const p = profile({ "package.json": PACKAGE, "server/index.ts": SERVER("{ apiSpec: API_SPEC_PATH }"), "api.yml": YAML_SPEC });
    assert.equal(p.openApi?.(), p.openApi?.());
  });

  it("path segments: Express parameters and document templates alike; patterns not matched", () => {
    assert.deepEqual(pathSegments("/media/:id(\\d+)/:status?"), ["media", ":id", ":status"]);
    assert.deepEqual(pathSegments("/media/{mediaId}/watch_data"), ["media", ":mediaId", "watch_data"]);
    assert.equal(pathSegments("/files/*"), undefined);
    assert.equal(pathSegments("/docs/{id}.json"), undefined);
  });
});
