/**
 * The bytes of a git index (version 2 or 3) listing `paths`, as `git add` writes it, for tests of
 * what the engine reads from `.git/index`; `extended` entries carry v3 extended flags (skip-worktree).
 */
export function gitIndex(paths: readonly string[], version = 2, extended: readonly string[] = []): Buffer {
  const header = Buffer.alloc(12);
  header.write("DIRC", 0, "latin1");
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(paths.length, 8);
  const entries = [...paths].sort().map((p) => {
    const name = Buffer.from(p, "utf8");
    const ext = extended.includes(p);
    const fixed = Buffer.alloc(62 + (ext ? 2 : 0), 0xa7); // stat fields and object id: arbitrary bytes
    fixed.writeUInt16BE((ext ? 0x4000 : 0) | Math.min(name.length, 0xfff), 60);
    if (ext) fixed.writeUInt16BE(0x2000, 62); // skip-worktree
    const size = fixed.length + name.length;
    return Buffer.concat([fixed, name, Buffer.alloc(8 - (size % 8))]);
  });
  return Buffer.concat([header, ...entries, Buffer.alloc(20, 0x11)]);
}
