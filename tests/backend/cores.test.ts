import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../../src/common/errors.ts";
import { parseCommands } from "../../src/common/wire/commands.ts";
import { checkAdmin, loadAdminCredentials } from "../../src/backend/auth/admin.ts";
import { parseApiKeysEnv } from "../../src/backend/auth/apiKeys.ts";
import { cookieValue, SessionSigner, sessionCookie } from "../../src/backend/auth/session.ts";
import { buildJobTree } from "../../src/backend/api/jobTree.ts";
import { cronJobNameFor, operatorEnvelope, scanNowCommand, scheduleCommand } from "../../src/backend/commands/scanCommands.ts";
import { inventoryChanges } from "../../src/backend/receiver/clusterReport.ts";
import { parseWlid } from "../../src/backend/receiver/containerScan.ts";
import { splitResourceId } from "../../src/backend/receiver/resourceId.ts";
import { jobEventFrom } from "../../src/backend/receiver/sysReport.ts";

const now = new Date("2026-11-27T06:00:00Z");

describe("scan commands", () => {
  test("every schedule command parses as operator Commands and names its CronJob", () => {
    for (const kind of ["posture", "image", "registry"] as const) {
      for (const op of ["set", "update", "delete"] as const) {
        const s = { kind, cluster: "c1", cron: "0 3 * * *", cronjobName: "n1", target: { frameworks: ["nsa"], namespace: "shop", registryName: "reg.io" } };
        const parsed = parseCommands({ commands: [scheduleCommand(op, s, "job-1", now)] });
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        const cmd = parsed.value.commands[0]!;
        expect(cmd.commandName.startsWith(op)).toBe(true);
        expect(cmd.args?.jobParams).toEqual({ name: "n1", cronTabSchedule: op === "delete" ? "" : "0 3 * * *" });
        expect(cmd.jobTracking?.jobID).toBe("job-1");
      }
    }
  });

  test("scan now per kind", () => {
    expect(scanNowCommand("posture", "c1", {}, "j", now)).toMatchObject({ commandName: "kubescapeScan", wildWlid: "wlid://cluster-c1/", args: { scanV1: { targetType: "Framework", targetNames: ["all"] } } });
    expect(scanNowCommand("image", "c1", { namespace: "ns" }, "j", now)).toMatchObject({ commandName: "scan", designators: [{ attributes: { cluster: "c1", namespace: "ns" } }] });
    expect(scanNowCommand("registry", "c1", { registryName: "r" }, "j", now)).toMatchObject({ commandName: "scanRegistry", args: { "registryInfo-v1": { registryName: "r" } } });
    expect(operatorEnvelope("a", "c1", []).target).toEqual({ customerGUID: "a", clusterName: "c1", clusterComponent: "InClusterTriggerHandler", dest: "trigger" });
  });

  test("CronJob names stay within the operator's limit", () => {
    const name = cronJobNameFor("posture", "0123456789abcdef", { frameworks: ["AllControls", "MITRE", "NSA", "cis-v1.23-t1.0.1"] });
    expect(name.length).toBeLessThanOrEqual(52);
    expect(name).toMatch(/^[a-z0-9-]+[a-z0-9]$/);
  });
});

describe("job tree", () => {
  const ev = (jobId: string, parentId: string, status: string, at: number) => ({ eventId: `${jobId}${status}`, jobId, parentId, cluster: "c", reporter: "r", action: "a", status, target: "", details: "", errors: [], reportedAt: "", receivedAt: at });
  test("nests children, keeps the latest status and survives cycles", () => {
    const tree = buildJobTree([ev("root", "", "started", 1), ev("child", "root", "started", 2), ev("child", "root", "done", 3), ev("grand", "child", "failure", 4), ev("x", "y", "s", 5), ev("y", "x", "s", 6)]);
    const root = tree.find((n) => n.jobId === "root")!;
    expect(root.children[0]?.status).toBe("done");
    expect(root.children[0]?.children[0]?.jobId).toBe("grand");
    // x and y name each other as parent: both stay roots instead of looping.
    expect(tree.map((n) => n.jobId).sort()).toEqual(["root", "x", "y"]);
    expect(tree.filter((n) => n.jobId !== "root").every((n) => n.children.length === 0)).toBe(true);
  });
});

describe("auth pieces", () => {
  test("BACKEND_API_KEYS parsing", () => {
    expect([...parseApiKeysEnv("a:0123456789abcdef0, b:fedcba98765432100")]).toEqual([["0123456789abcdef0", "a"], ["fedcba98765432100", "b"]]);
    expect(() => parseApiKeysEnv("nocolon")).toThrow(ConfigError);
    expect(() => parseApiKeysEnv("a:short")).toThrow("shorter than 16");
  });

  test("admin credentials: no default password, files supported, constant-time check", () => {
    expect(loadAdminCredentials({})).toBeNull();
    expect(() => loadAdminCredentials({ ADMIN_PASSWORD: "short" })).toThrow(ConfigError);
    const dir = mkdtempSync(join(tmpdir(), "ks-admin-"));
    try {
      writeFileSync(join(dir, "pw"), "from-a-secret-file\n");
      const creds = loadAdminCredentials({ ADMIN_USER: "ops", ADMIN_PASSWORD_FILE: join(dir, "pw") })!;
      expect(creds).toEqual({ user: "ops", password: "from-a-secret-file" });
      expect(checkAdmin(creds, "ops", "from-a-secret-file")).toBe(true);
      expect(checkAdmin(creds, "admin", "from-a-secret-file")).toBe(false);
      expect(() => loadAdminCredentials({ ADMIN_PASSWORD_FILE: join(dir, "missing") })).toThrow("cannot read");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("sessions: signed, expiring, tamper-evident; cookie flags", () => {
    const s = new SessionSigner("secret", 1000);
    const token = s.issue("admin", 0);
    expect(s.verify(token, 500)?.user).toBe("admin");
    expect(s.verify(token, 1500)).toBeNull();
    expect(new SessionSigner("other").verify(token, 500)).toBeNull();
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ user: "root", expires: 9e15 })).toString("base64url");
    expect(s.verify(`${forged}.${sig}`, 500)).toBeNull();
    expect(payload).toBeString();
    expect(sessionCookie("t", true, 60)).toBe("ks_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure");
    expect(cookieValue("a=1; ks_session=xyz; b=2", "ks_session")).toBe("xyz");
  });
});

describe("receiver cores", () => {
  test("resource ids and wlids", () => {
    expect(splitResourceId("apps/v1/default/Deployment/web")).toEqual({ kind: "Deployment", namespace: "default", name: "web" });
    expect(splitResourceId("/v1//Node/n1")).toEqual({ kind: "Node", namespace: "", name: "n1" });
    expect(splitResourceId("rbac.authorization.k8s.io/v1//ClusterRole/admin")).toEqual({ kind: "ClusterRole", namespace: "", name: "admin" });
    expect(parseWlid("wlid://cluster-c-1/namespace-shop/deployment-web-api")).toEqual({ cluster: "c-1", namespace: "shop", kind: "deployment", name: "web-api" });
  });

  test("job events get the same id on a retry and a different one for a new status", () => {
    const base = { jobID: "j", reporter: "r", target: "wlid://cluster-c9/", status: "started", action: "a", timestamp: "t" };
    const a = jobEventFrom(base, 1);
    expect(jobEventFrom(base, 2).eventId).toBe(a.eventId);
    expect(jobEventFrom({ ...base, status: "done" }, 2).eventId).not.toBe(a.eventId);
    expect(a.cluster).toBe("c9");
  });

  test("inventory changes key workloads by namespace/kind/name and skip nameless items", () => {
    const changes = inventoryChanges({ microservice: { create: [{ kind: "Deployment", metadata: { name: "web", namespace: "shop" } }, { nothing: 1 }], delete: [{ kind: "Deployment", metadata: { name: "old", namespace: "shop" } }] } });
    expect(changes.map((c) => [c.key, c.body === undefined])).toEqual([["shop/Deployment/web", false], ["shop/Deployment/old", true]]);
  });
});

describe("login limiter", () => {
  test("blocks a client after repeated failures until the window ends; success resets", async () => {
    const { LoginLimiter } = await import("../../src/backend/auth/loginLimiter.ts");
    const l = new LoginLimiter(3, 1000);
    for (let i = 0; i < 3; i++) l.fail("1.2.3.4", 0);
    expect(l.retryAfter("1.2.3.4", 10)).toBe(990);
    expect(l.retryAfter("5.6.7.8", 10)).toBe(0);
    expect(l.retryAfter("1.2.3.4", 1000)).toBe(0);
    l.fail("9.9.9.9", 0);
    l.succeed("9.9.9.9");
    expect(l.retryAfter("9.9.9.9", 1)).toBe(0);
  });
});
