import * as assert from "node:assert/strict";
import { decodeSource, unfixableOnDisk } from "../../../src/engine/source";

const FILE = "/p/src/a.ts";
const CODE = 'const s = "x";\n';

describe("engine: decodeSource", () => {
  const rows: { name: string; bytes: Buffer; text?: string; unfixable?: string; refused?: RegExp }[] = [
    { name: "valid UTF-8", bytes: Buffer.from('const s = "£é😀";\n'), text: 'const s = "£é😀";\n' },
    { name: "UTF-8 with a BOM (the BOM is not text)", bytes: Buffer.from(`\ufeff${CODE}`), text: CODE },
    { name: "UTF-16 LE with a BOM", bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const s = "é";\n', "utf16le")]), text: 'const s = "é";\n' },
    { name: "UTF-16 BE with a BOM", bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('const s = "é";\n', "utf16le").swap16()]), text: 'const s = "é";\n' },
    { name: "binary: a NUL byte", bytes: Buffer.from([0x63, 0x6f, 0x00, 0x6e]), refused: /^\/p\/src\/a\.ts: skipped, binary content \(NUL byte at offset 2\)$/ },
    {
      name: "one invalid byte (a Windows-1252 `£`): U+FFFD in its place, the byte named",
      bytes: Buffer.from('const s = "£5";\n', "latin1"),
      text: 'const s = "\ufffd5";\n',
      unfixable: "/p/src/a.ts: not valid UTF-8 at byte 11: analysed, fixes not offered",
    },
    {
      name: "one U+FFFD per invalid byte, a truncated sequence included, after a BOM",
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("// "), Buffer.from([0xe9, 0xe8, 0xe2, 0x82]), Buffer.from(" é\n")]),
      text: "// \ufffd\ufffd\ufffd\ufffd é\n",
      unfixable: "/p/src/a.ts: not valid UTF-8 at byte 6: analysed, fixes not offered",
    },
    {
      name: "overlong forms and UTF-8-encoded surrogates are invalid bytes too",
      bytes: Buffer.concat([Buffer.from("a"), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from("b")]),
      text: "a\ufffd\ufffd\ufffd\ufffd\ufffdb",
      unfixable: "/p/src/a.ts: not valid UTF-8 at byte 1: analysed, fixes not offered",
    },
    {
      name: "many invalid bytes (over 5% of a file's bytes): refused as binary",
      bytes: Buffer.from(`// ${"é".repeat(40)}\n${CODE.repeat(20)}`, "latin1"),
      refused: /^\/p\/src\/a\.ts: skipped, not valid UTF-8 \(40 of 344 bytes invalid, the first at byte 3: binary content or another encoding\)$/,
    },
    {
      name: "up to 16 invalid bytes in a small file are still text",
      bytes: Buffer.from(`// ${"é".repeat(16)}\n`, "latin1"),
      text: `// ${"\ufffd".repeat(16)}\n`,
      unfixable: "/p/src/a.ts: not valid UTF-8 at byte 3: analysed, fixes not offered",
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = decodeSource(row.bytes, FILE);
      if (row.refused) {
        assert.equal(d.ok, false);
        if (d.ok) return;
        assert.equal(d.problem.kind, "binary");
        assert.match(d.problem.message, row.refused);
        return;
      }
      assert.ok(d.ok);
      assert.equal(d.text, row.text);
      assert.deepEqual(d.unfixable, row.unfixable === undefined ? undefined : { kind: "notUtf8", file: FILE, message: row.unfixable });
    });
  }
});

describe("engine: unfixableOnDisk (text someone else decoded)", () => {
  const disk = (bytes: Buffer) => () => bytes;
  const latin1 = Buffer.from('const s = "£";\n', "latin1");

  it("a buffer with U+FFFD over a file that is not valid UTF-8: the file's problem", () => {
    assert.equal(unfixableOnDisk('const s = "\ufffd";\n', FILE, disk(latin1))?.message, "/p/src/a.ts: not valid UTF-8 at byte 11: analysed, fixes not offered");
  });

  it("no U+FFFD (the editor decoded it as Windows-1252 and saves it so): fixable, the file is not read", () => {
    assert.equal(unfixableOnDisk('const s = "£";\n', FILE, () => assert.fail("read")), undefined);
  });

  it("a real U+FFFD in a UTF-8 file, or no file on disk: fixable", () => {
    assert.equal(unfixableOnDisk('const s = "\ufffd";\n', FILE, disk(Buffer.from('const s = "\ufffd";\n'))), undefined);
    const missing = () => {
      throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    };
    assert.equal(unfixableOnDisk('const s = "\ufffd";\n', FILE, missing), undefined);
  });
});
