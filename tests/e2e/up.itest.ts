/** The README's main command, end to end: `bun scripts/up.ts --local --once` (as `just up`, minus waiting for Ctrl-C). */
import { expect, test } from "bun:test";
import { join } from "node:path";
import { ROOT } from "./support.ts";

test("just up starts the platform on the local control plane, scans, and prints the summary and dashboard URL", async () => {
  const proc = Bun.spawn([process.execPath, join(ROOT, "scripts/up.ts"), "--local", "--once"], { cwd: ROOT, stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  expect({ code, err: err.slice(-2000) }).toEqual({ code: 0, err: expect.any(String) });
  expect(out).toMatch(/NSA\s+compliance\s+\d+\.\d%/);
  expect(out).toMatch(/MITRE\s+compliance\s+\d+\.\d%/);
  // The sample images carry minimist 1.2.5 and log4j-core 2.14.1: critical findings.
  expect(out).toMatch(/\d+ findings: critical [1-9]/);
  expect(out).toMatch(/Dashboard:\s+http:\/\/127\.0\.0\.1:\d+\/\s+user admin\s+password \S{20}/);
}, 400_000);
