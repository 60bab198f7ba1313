import * as assert from "node:assert/strict";
import { ts } from "ts-morph";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { fileTypeResolver, hasZodDependency, optionalFromUsage, renderShape, schemaGaps, shapeFromDeclaration, shapeFromType, shapeFromUsage, zodInstallCommand, type Shape } from "../../../src/fixes/zod-schema";

const STYLE = { quote: '"' as const, indentUnit: "  ", eol: "\n" };

function parse(text: string, file = "/p/src/a.ts"): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** Schema text inferred from the uses of the value read by the first `read` expression in `text`. */
function fromUsage(text: string, kind: "structured" | "bag" | "scalar" = "structured"): string {
  const sf = parse(text);
  let start: ts.Node | undefined;
  const visit = (n: ts.Node) => {
    if (!start && ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "read") start = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return renderShape(shapeFromUsage([start!], kind).shape, STYLE);
}

function fromType(text: string, name: string, host = new MemoryProjectHost()): string {
  const sf = parse(text);
  const resolve = fileTypeResolver(sf, "/p/src/a.ts", host);
  const found = resolve(name);
  assert.ok(found, `no declaration ${name}`);
  return renderShape(shapeFromDeclaration(found.decl, found.resolver), STYLE);
}

describe("fixes/zod-schema", () => {
  describe("shapeFromUsage", () => {
    it("string methods imply strings, arithmetic implies numbers; a truthiness test or a template (it prints numbers too) implies no type", () => {
      assert.equal(
        fromUsage("const b = read(); f(b.name.trim(), `${b.city}`, b.qty * 2, b.total > 10); if (b.draft) g();"),
        "z.object({\n  name: z.string(),\n  city: z.unknown(),\n  qty: z.number(),\n  total: z.number(),\n  draft: z.unknown().optional(),\n})",
      );
    });

    it("never infers boolean from `a || b`: both sides are optional", () => {
      assert.equal(fromUsage("const b = read(); const limit = b.limit || b.pageSize; take(limit);"), "z.object({ limit: z.any().optional(), pageSize: z.any().optional() })");
      assert.equal(fromUsage("const b = read(); const n = Number(b.limit) || 20;"), "z.object({ limit: z.unknown().optional() })");
    });

    it("keeps unknown keys where the value is handed on whole (.passthrough() in zod 3, z.looseObject in zod 4)", () => {
      const text = "const m = read(); if (m.type === \"ping\") return; store.save(m);";
      assert.equal(fromUsage(text), "z.object({ type: z.string() }).passthrough()");
      const sf = parse(text);
      let start: ts.Node | undefined;
      sf.forEachChild(function visit(n): void {
        if (!start && ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "read") start = n;
        n.forEachChild(visit);
      });
      assert.equal(renderShape(shapeFromUsage([start!], "structured").shape, { ...STYLE, zodMajor: 4 }), "z.looseObject({ type: z.string() })");
      assert.equal(fromUsage("const m = read(); console.log(m.type, m);"), "z.object({ type: z.unknown() })");
    });

    it("absence checks make a property optional; those that take null too (`??`, `?.`) make it nullish", () => {
      assert.equal(fromUsage("const b = read(); if (b.note !== undefined) f(b.note.trim()); g(b.tag ?? \"x\"); h(b.meta?.id);"), "z.object({\n  note: z.string().optional(),\n  tag: z.string().nullish(),\n  meta: z.object({ id: z.any() }).nullish(),\n})");
    });

    it("follows destructuring with defaults, nested objects and arrays through callbacks and for-of", () => {
      assert.equal(
        fromUsage("const { user: { email }, items, page = 1 } = read(); email.toLowerCase(); for (const it of items) sum += it.price * it.qty;"),
        "z.object({\n  user: z.object({ email: z.string() }),\n  items: z.array(z.object({ price: z.number(), qty: z.number() })),\n  page: z.number().optional(),\n})",
      );
      assert.equal(fromUsage("const b = read(); b.tags.map((t) => t.toUpperCase());"), "z.object({ tags: z.array(z.string()) })");
    });

    it("z.unknown() where the value only reaches untyped uses, z.any() where it flows into a typed one; no property read gives a record", () => {
      assert.equal(fromUsage("const b = read(); console.log(b.kind.trim(), b.payload); res.json({ ok: b.flag === 1 });"), "z.object({ kind: z.string(), payload: z.unknown(), flag: z.number() })");
      assert.equal(fromUsage("const b = read(); save({ data: b.payload });"), "z.object({ payload: z.any() })");
      assert.equal(fromUsage("const b = read(); save(b);"), "z.record(z.string(), z.any())");
      assert.equal(fromUsage("const b = read(); console.log(b);"), "z.record(z.string(), z.unknown())");
    });

    it("query and route parameters are strings; a scalar is one string", () => {
      assert.equal(fromUsage("const { id, page } = read(); f(Number(page));", "bag"), "z.object({ id: z.string(), page: z.string().optional() })");
      assert.equal(fromUsage("const q = read(); db.find({ skip: q.page * 20, owner: q.owner.trim() });", "bag"), "z.object({ page: z.coerce.number(), owner: z.string() })");
      assert.equal(fromUsage("const q = read(); db.find(q);", "scalar"), "z.string()");
    });

    it("a property used as a key is a string", () => {
      assert.equal(fromUsage("const m = read(); reply(store[m.key]);"), "z.object({ key: z.string() })");
    });
  });

  describe("shapeFromType", () => {
    it("converts interfaces with optional, nullable, literal unions, arrays, records, dates and nested types", () => {
      const text = [
        "interface Address { city: string; zip?: string }",
        "type Role = \"admin\" | \"user\";",
        "interface User {",
        "  name: string;",
        "  age?: number;",
        "  nick: string | null;",
        "  roles: Role[];",
        "  address: Address;",
        "  tags: Array<string>;",
        "  meta: Record<string, number>;",
        "  born: Date;",
        "  kind: 1 | 2;",
        "}",
      ].join("\n");
      assert.equal(
        fromType(text, "User"),
        [
          "z.object({",
          "  name: z.string(),",
          "  age: z.number().optional(),",
          "  nick: z.string().nullable(),",
          '  roles: z.array(z.enum(["admin", "user"])),',
          "  address: z.object({ city: z.string(), zip: z.string().optional() }),",
          "  tags: z.array(z.string()),",
          "  meta: z.record(z.string(), z.number()),",
          "  born: z.coerce.date(),",
          "  kind: z.union([z.literal(1), z.literal(2)]),",
          "})",
        ].join("\n"),
      );
    });

    it("merges extended interfaces and string enums; recursion and generics become z.unknown()", () => {
      assert.equal(fromType('interface A { a: string }\ninterface B extends A { b: number }', "B"), "z.object({ a: z.string(), b: z.number() })");
      assert.equal(fromType('enum Color { Red = "red", Blue = "blue" }', "Color"), 'z.enum(["red", "blue"])');
      assert.equal(fromType("interface Node { next: Node; value: number }", "Node"), "z.object({ next: z.unknown(), value: z.number() })");
      assert.equal(fromType("interface Box<T> { v: T }", "Box"), "z.unknown()");
    });

    it("resolves a type imported from a relative file through the project host", () => {
      const host = new MemoryProjectHost(new Map([["/p/src/types.ts", "export interface Order { sku: string; qty: number }\n"]]));
      assert.equal(fromType('import type { Order } from "./types";\n', "Order", host), "z.object({ sku: z.string(), qty: z.number() })");
    });

    it("converts inline type literals", () => {
      const sf = parse("let x: { id: string; n?: number };");
      const decl = (sf.statements[0] as ts.VariableStatement).declarationList.declarations[0]!;
      assert.equal(renderShape(shapeFromType(decl.type!, () => undefined), STYLE), "z.object({ id: z.string(), n: z.number().optional() })");
    });
  });

  describe("what a schema checks", () => {
    const read = (text: string) => {
      let start: ts.Node | undefined;
      parse(text).forEachChild(function visit(n): void {
        if (!start && ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "read") start = n;
        n.forEachChild(visit);
      });
      return shapeFromUsage([start!], "structured");
    };
    const typeOf = (text: string) => (parse(text).statements[0] as ts.TypeAliasDeclaration).type;

    it("schemaGaps counts constrained leaves and z.any()/z.unknown() guesses", () => {
      assert.deepEqual(schemaGaps(read("const b = read(); f(b.name.trim(), b.qty * 2);").shape), { leaves: 2, guesses: 0 });
      assert.deepEqual(schemaGaps(read("const b = read(); db.save({ title: b.title, n: b.qty * 2 });").shape), { leaves: 1, guesses: 1 });
      assert.deepEqual(schemaGaps(read("const b = read(); db.save(b);").shape), { leaves: 0, guesses: 1 });
      assert.deepEqual(schemaGaps({ t: "object", props: [] }), { leaves: 0, guesses: 0 });
    });

    it("a declared unknown, any or object is a faithful leaf; an unresolved type name is a guess", () => {
      assert.deepEqual(schemaGaps(shapeFromType(typeOf("type T = { a: unknown; b: any; c: object; d: string };"), () => undefined)), { leaves: 4, guesses: 0 });
      assert.deepEqual(schemaGaps(shapeFromType(typeOf("type T = { user: User; id: string };"), () => undefined)), { leaves: 1, guesses: 1 });
      assert.equal(renderShape(shapeFromType(typeOf("type T = { [key: string]: number };"), () => undefined), STYLE), "z.record(z.string(), z.number())");
    });

    it("typed: the value handed whole to a declared type (typed variable, React setter, an array's element, typed helper parameter, typed return)", () => {
      assert.equal(read("const d = read(); setLinks(links.concat(d));").typed, true);
      assert.equal(read("const d = read(); const s: Status = d;").typed, true);
      assert.equal(read("const d = read(); if (d.ok) setStatus(d);").typed, true);
      assert.equal(read("function use(s: Status) { return s.id; } const d = read(); use(d);").typed, true);
      assert.equal(read("async function load(): Promise<Status> { return read(); }").typed, true);
      assert.equal(read("const d = read(); const s: unknown = d; db.events.insertOne(d);").typed, false);
    });

    it("a string that reaches a redirect is a local path (no //host, no \\\\host, no scheme)", () => {
      assert.equal(fromUsage("const { next } = read(); res.redirect(next);", "bag"), "z.object({ next: z.string().regex(/^\\/(?![\\/\\\\])/) })");
      assert.equal(fromUsage("const to = read(); router.push(to);", "scalar"), "z.string().regex(/^\\/(?![\\/\\\\])/)");
      assert.equal(optionalFromUsage({ t: "string" }, { t: "localPath" }).t, "localPath");
      const local = /^\/(?![\/\\])/;
      assert.deepEqual(["/account", "//evil.example", "/\\evil.example", "https://evil.example"].map((p) => local.test(p)), [true, false, false, false]);
    });

    it("a string with a model's rules: trim before the lengths, then the pattern; none is a plain string", () => {
      assert.equal(renderShape({ t: "checkedString", trim: true, min: 1, max: 50 }, STYLE), "z.string().trim().min(1).max(50)");
      assert.equal(renderShape({ t: "checkedString", min: 3, regex: "/^[a-z0-9-]+$/i" }, STYLE), "z.string().min(3).regex(/^[a-z0-9-]+$/i)");
      assert.equal(renderShape({ t: "checkedString" }, STYLE), "z.string()");
      assert.deepEqual(schemaGaps({ t: "checkedString", max: 120 }), { leaves: 1, guesses: 0 });
    });

    it("optionalFromUsage: a declared required field the code defaults becomes optional, nested too", () => {
      const declared = shapeFromType(typeOf("type T = { id: string; version: number; meta: { tag: string } };"), () => undefined);
      const used = read("const b = read(); f(b.id, b.version || 1, b.meta.tag ?? \"x\");").shape;
      assert.equal(renderShape(optionalFromUsage(declared, used), STYLE), "z.object({\n  id: z.string(),\n  version: z.number().optional(),\n  meta: z.object({ tag: z.string().optional() }),\n})");
      const scalar: Shape = { t: "string" };
      assert.equal(optionalFromUsage(scalar, used), scalar);
    });
  });

  describe("project facts", () => {
    it("hasZodDependency reads the nearest package.json", () => {
      const host = new MemoryProjectHost(new Map([
        ["/repo/package.json", '{ "dependencies": { "zod": "^4" } }'],
        ["/repo/packages/api/package.json", '{ "dependencies": { "express": "^5" } }'],
      ]));
      assert.equal(hasZodDependency("/repo/src/a.ts", host), true);
      assert.equal(hasZodDependency("/repo/packages/api/src/a.ts", host), false);
      assert.equal(hasZodDependency("/elsewhere/a.ts", host), false);
    });

    it("zodInstallCommand picks the package manager from the lockfile", () => {
      const host = (files: string[]) => new MemoryProjectHost(new Map(files.map((f) => [f, ""])));
      assert.equal(zodInstallCommand("/repo", host(["/repo/pnpm-lock.yaml"])), "pnpm add zod");
      assert.equal(zodInstallCommand("/repo/packages/api", host(["/repo/yarn.lock"])), "yarn add zod");
      assert.equal(zodInstallCommand("/repo", host(["/repo/package-lock.json"])), "npm install zod");
      assert.equal(zodInstallCommand("/repo", host([])), "npm install zod");
      assert.equal(zodInstallCommand("/repo", new MemoryProjectHost(new Map([["/repo/package.json", '{ "packageManager": "pnpm@9.1.0" }']]))), "pnpm add zod");
    });
  });
});
