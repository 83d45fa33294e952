import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "../support/ports.ts";
import { type Started, startProcess } from "../support/processes.ts";
import { type HostTree, insecureWorkerTree } from "./hostTree.ts";

/** `ks host-scanner` as its own process on a prepared host tree. */
let tree: HostTree;
let proc: Started;
let port: number;
const logDir = mkdtempSync(join(tmpdir(), "ks-hs-log-"));

beforeAll(async () => {
  tree = insecureWorkerTree();
  port = await freePort();
  proc = startProcess(process.execPath, ["src/main.ts", "host-scanner"], join(logDir, "hs.log"), { ...process.env, PORT: String(port), HOST_ROOT: tree.root, METADATA_URL: "http://127.0.0.1:9/" });
  await waitFor("host-scanner up", async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 20_000, 100);
});
afterAll(async () => {
  await proc?.stop();
  tree?.remove();
  rmSync(logDir, { recursive: true, force: true });
});

describe("ks host-scanner process", () => {
  test("serves the prepared node on PORT, any path case; exits 0 on SIGTERM", async () => {
    const kubelet = await (await fetch(`http://127.0.0.1:${port}/KubeletInfo`)).json();
    expect(kubelet.configFile.permissions).toBe(0o644);
    expect(await (await fetch(`http://127.0.0.1:${port}/LinuxSecurityHardening`)).json()).toEqual({ appArmor: "unloaded", seLinux: "not found" });
    const exited = new Promise<number | null>((r) => proc.child.once("exit", (code) => r(code)));
    proc.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
