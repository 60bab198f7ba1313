import * as assert from "node:assert/strict";
import { ts } from "../../../src/engine/ts";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { computeProfile } from "../../../src/profile";
import { isFunctionLike } from "../../../src/rules/unvalidated-boundary/ast";
import { storedScalar, type StoredVerdict } from "../../../src/rules/unvalidated-boundary/stored-field";

// What storing a string parameter adds (issue 12, R16/R28/R70), on model shapes the rule tables
// (unvalidated-boundary.fixes.test.ts) do not show: CommonJS and named exports, a model in the
// same file, `enum: { values }`, `minlength`, Prisma's multi-file schema and non-string columns.

const MONGOOSE_PKG = '{ "name": "app", "dependencies": { "mongoose": "^8.0.0" } }\n';
const PRISMA_PKG = '{ "name": "app", "dependencies": { "@prisma/client": "^5.0.0" } }\n';

/** The verdict for the parameter `param` of the first function in `code` (at /p/src/actions.ts). */
function verdict(code: string, param: string, files: Record<string, string>): StoredVerdict | undefined {
  const host = new MemoryProjectHost(new Map(Object.entries(files).map(([k, v]) => [`/p/${k}`, v])));
  const profile = computeProfile(host, "/p", true);
  const sf = ts.createSourceFile("/p/src/actions.ts", code, ts.ScriptTarget.Latest, true);
  let found: ts.ParameterDeclaration | undefined;
  const visit = (n: ts.Node): void => {
    if (!found && isFunctionLike(n)) found = n.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === param);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  assert.ok(found, `no parameter ${param}`);
  return storedScalar(found, found.parent as never, sf, "/p/src/actions.ts", host, profile);
}

describe("unvalidated-boundary: what a stored string parameter adds", () => {
  it("a CommonJS model (module.exports = mongoose.model(…)) with enum: { values } and minlength", () => {
    const files = {
      "package.json": MONGOOSE_PKG,
      "src/models/user.js": [
        'const mongoose = require("mongoose");',
        "const userSchema = new mongoose.Schema({",
        '  role: { type: String, enum: { values: ["admin", "member"], message: "bad role" } },',
        "  handle: { type: String, minLength: 3, maxLength: 20, lowercase: true },",
        "});",
        'module.exports = mongoose.model("User", userSchema);',
      ].join("\n"),
    };
    // openModule reads TypeScript only: the .js model is not read, Mongoose still casts it.
    assert.deepEqual(verdict('const User = require("./models/user");\nasync function a(role: string) { await new User({ role }).save(); }', "role", files), { kind: "castOnly" });
    const typed = { ...files, "src/models/user.ts": files["src/models/user.js"] };
    assert.deepEqual(verdict('const User = require("./models/user");\nasync function a(role: string) { await new User({ role }).save(); }', "role", typed), { kind: "rules", model: "User", rules: { values: ["admin", "member"] } });
    assert.deepEqual(verdict('import User from "./models/user";\nasync function a(handle: string) { await User.create({ handle }); }', "handle", typed), { kind: "rules", model: "User", rules: { min: 3, max: 20 } });
  });

  it("a named export of a models index, and a model declared in the same file", () => {
    const files = {
      "package.json": MONGOOSE_PKG,
      "src/models/index.ts": 'import { Schema, model } from "mongoose";\nconst postSchema = new Schema({ title: { type: String, required: [true, "title"], trim: true } });\nexport const Post = model("Post", postSchema);\n',
    };
    assert.deepEqual(verdict('import { Post } from "@/models";\nexport async function a(title: string) { await Post.create({ title }); }', "title", files), { kind: "rules", model: "Post", rules: { min: 1, trim: true } });
    const own = 'import mongoose from "mongoose";\nconst tagSchema = new mongoose.Schema({ name: { type: String, maxlength: 30 } });\nconst Tag = mongoose.model("Tag", tagSchema);\nexport async function a(name: string) { await Tag.findByIdAndUpdate("x", { $set: { name } }); }';
    assert.deepEqual(verdict(own, "name", { "package.json": MONGOOSE_PKG }), { kind: "rules", model: "Tag", rules: { max: 30 } });
  });

  it("a use that is not a store (a filter, another call, a reassignment) leaves the plain check", () => {
    const files = { "package.json": MONGOOSE_PKG, "src/models/index.ts": 'import { Schema, model } from "mongoose";\nexport const Post = model("Post", new Schema({ title: String }));\n' };
    assert.equal(verdict('import { Post } from "./models";\nexport async function a(title: string) { await Post.create({ title }); return Post.findOne({ title }); }', "title", files), undefined);
    assert.equal(verdict('import { Post } from "./models";\nexport async function a(title: string) { await Post.create({ title }); notify(title); }', "title", files), undefined);
    assert.equal(verdict('import { Post } from "./models";\nexport async function a(title: string) { title = title.trim(); await Post.create({ title }); }', "title", files), undefined);
    // A class-based ORM that stores an object as sent: no claim that anything casts.
    assert.equal(verdict('import { Post } from "./entities";\nexport async function a(title: string) { await Post.create({ title }); }', "title", { "package.json": '{ "name": "app", "dependencies": { "mongoose": "^8.0.0", "sequelize": "^6.0.0" } }\n' }), undefined);
  });

  it("Prisma: the multi-file schema's VarChar size, an unsized column, and a column that is not a string", () => {
    const files = {
      "package.json": PRISMA_PKG,
      "prisma/schema/post.prisma": "model Post {\n  id     String @id\n  title  String @db.VarChar(80)\n  body   String?\n  views  Int\n}\n",
    };
    assert.deepEqual(verdict('export async function a(title: string) { return prisma.post.update({ where: { id: "1" }, data: { title } }); }', "title", files), { kind: "rules", model: "Post", rules: { max: 80 } });
    assert.deepEqual(verdict('export async function a(body: string) { return db.post.create({ data: { body } }); }', "body", files), { kind: "castOnly" });
    assert.equal(verdict('export async function a(views: string) { return db.post.create({ data: { views } }); }', "views", files), undefined);
    // Without @prisma/client in the project, `data:` says nothing.
    assert.equal(verdict('export async function a(title: string) { return db.post.create({ data: { title } }); }', "title", { "package.json": '{ "name": "app" }\n' }), undefined);
  });
});
