import * as assert from "node:assert/strict";
import { ts } from "ts-morph";
import { applyEdits } from "../../../src/engine/fix-invariants";
import { addNamedImport, type ImportStyle } from "../../../src/fixes/imports";

const ESM: ImportStyle = { eol: "\n", quote: '"', semi: ";", module: true };
const CJS: ImportStyle = { ...ESM, module: false };

function run(text: string, style: ImportStyle = ESM, name = "z", moduleName = "zod"): string {
  const sf = ts.createSourceFile("/p/a.ts", text, ts.ScriptTarget.Latest, true);
  return applyEdits(text, addNamedImport(text, sf, moduleName, name, style));
}

describe("fixes/imports: addNamedImport", () => {
  it("adds an import after the last import", () => {
    assert.equal(run('import a from "a";\nimport { b } from "b";\nuse(a, b);\n'), 'import a from "a";\nimport { b } from "b";\nimport { z } from "zod";\nuse(a, b);\n');
  });

  it("adds an import at the top of a file without imports, with a blank line", () => {
    assert.equal(run("const x = 1;\n"), 'import { z } from "zod";\n\nconst x = 1;\n');
  });

  it("keeps directives and a header comment above the new import", () => {
    assert.equal(run('"use server";\nexport async function a() {}\n'), '"use server";\nimport { z } from "zod";\n\nexport async function a() {}\n');
    assert.equal(run("// Copyright\n\nconst x = 1;\n"), '// Copyright\n\nimport { z } from "zod";\n\nconst x = 1;\n');
  });

  it("merges into an existing named import of the module", () => {
    assert.equal(run('import { ZodError } from "zod";\n'), 'import { ZodError, z } from "zod";\n');
  });

  it("merges into a multi-line import on a line of its own, at the list's indentation, with its trailing comma (prettier's form)", () => {
    assert.equal(run('import {\n  Injectable,\n  UnprocessableEntityException,\n} from "@nestjs/common";\n', ESM, "Logger", "@nestjs/common"), 'import {\n  Injectable,\n  UnprocessableEntityException,\n  Logger,\n} from "@nestjs/common";\n');
    assert.equal(run('import {\n    ZodError,\n    ZodType\n} from "zod";\n'), 'import {\n    ZodError,\n    ZodType,\n    z\n} from "zod";\n');
    assert.equal(run('import {\r\n  ZodError,\r\n} from "zod";\r\n', { ...ESM, eol: "\r\n" }), 'import {\r\n  ZodError,\r\n  z,\r\n} from "zod";\r\n');
    assert.equal(run('const {\n  ZodError,\n} = require("zod");\n', CJS), 'const {\n  ZodError,\n  z,\n} = require("zod");\n');
    // Names on the brace's line stay on one line.
    assert.equal(run('import { ZodError,\n  ZodType } from "zod";\n'), 'import { ZodError,\n  ZodType,\n  z } from "zod";\n');
  });

  it("does nothing when the name is already imported (named, namespace or default)", () => {
    for (const text of ['import { z } from "zod";\n', 'import * as z from "zod";\n', 'import z from "zod";\n', 'import { ZodError, z } from "zod";\n']) {
      assert.equal(run(text), text);
    }
  });

  it("does not merge into a type-only import", () => {
    assert.equal(run('import type { ZodType } from "zod";\n'), 'import type { ZodType } from "zod";\nimport { z } from "zod";\n');
  });

  it("adds a require in CommonJS, after the last require, in the file's style", () => {
    assert.equal(run("const a = require('a')\nuse(a)\n", { ...CJS, quote: "'", semi: "" }), "const a = require('a')\nconst { z } = require('zod')\nuse(a)\n");
  });

  it("merges into a destructured require and leaves an existing one alone", () => {
    assert.equal(run('const { ZodError } = require("zod");\n', CJS), 'const { ZodError, z } = require("zod");\n');
    assert.equal(run('const { z } = require("zod");\n', CJS), 'const { z } = require("zod");\n');
  });

  it("works for other modules and names (read-only use by other fixes)", () => {
    assert.equal(run('import { Injectable } from "@nestjs/common";\n', ESM, "BadRequestException", "@nestjs/common"), 'import { Injectable, BadRequestException } from "@nestjs/common";\n');
  });

  it("keeps CRLF line endings", () => {
    assert.equal(run('import a from "a";\r\nuse(a);\r\n', { ...ESM, eol: "\r\n" }), 'import a from "a";\r\nimport { z } from "zod";\r\nuse(a);\r\n');
  });
});
