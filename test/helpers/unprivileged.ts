/**
 * Permission cases (a folder or file with mode 000) only bite for a user without privileges: as
 * root, permission bits do not stop reads. When the tests run as root (CI machines, containers),
 * the CLI is started as the unprivileged user `nobody` instead, so the case is still exercised.
 *
 * `unprivilegedSpawn()` says how: `{}` when we are not root (run as ourselves), `{ uid, gid }` of
 * `nobody` when we are root and `nobody` can run node on `cli`, or a reason string when neither
 * works (the caller skips loudly with that reason).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

const NOBODY = 65534;

export type SpawnIdentity = { uid?: number; gid?: number };

export function unprivilegedSpawn(cli: string): SpawnIdentity | string {
  if (typeof process.getuid !== "function") return "no POSIX user ids on this platform";
  if (process.getuid() !== 0) return {};
  const probe = spawnSync(process.execPath, ["-e", "require('fs').accessSync(process.argv[1], require('fs').constants.R_OK)", cli], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: "utf8",
  });
  if (probe.error) return `cannot start node as uid ${NOBODY} (${probe.error.message})`;
  if (probe.status !== 0) return `uid ${NOBODY} cannot read ${cli} (a parent folder is private)`;
  return { uid: NOBODY, gid: NOBODY };
}

/** Makes a folder tree made by root readable (and its folders listable) by `nobody`. */
export function openTo(identity: SpawnIdentity, dir: string): void {
  if (identity.uid === undefined) return;
  fs.chmodSync(dir, 0o755);
}
