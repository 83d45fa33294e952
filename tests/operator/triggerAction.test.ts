import { describe, expect, test } from "bun:test";
import { checkTriggerBody } from "../../src/operator/triggerAction.ts";
import { imageTargets, type PodLike, selectorString, workloadOf } from "../../src/operator/targets.ts";
import { selectRepositories, selectTags } from "../../src/operator/registry/catalog.ts";
import { WorkerPool } from "../../src/operator/workerPool.ts";
import { gatewayClientUrl } from "../../src/operator/gatewayClient.ts";

describe("triggerAction body", () => {
  test("keys bind case-insensitively (as the Go original); args keys stay exact", () => {
    const r = checkTriggerBody('{"Commands":[{"CommandName":"kubescapeScan","Args":{"scanV1":{"targetNames":["nsa"]}}}]}');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.commands.commands[0]).toMatchObject({ commandName: "kubescapeScan", args: { scanV1: { targetNames: ["nsa"] } } });
  });
  test("malformed JSON and missing fields are named", () => {
    expect(checkTriggerBody("{nope")).toMatchObject({ ok: false, field: "body" });
    expect(checkTriggerBody('{"commands":[{}]}')).toMatchObject({ ok: false, field: "commands.0.commandName" });
  });
  test("a bad cron string is refused naming it", () => {
    const r = checkTriggerBody(JSON.stringify({ commands: [{ commandName: "scan" }, { commandName: "setVulnScanCronJob", args: { jobParams: { cronTabSchedule: "every day" } } }] }));
    expect(r).toMatchObject({ ok: false, field: "commands.1.args.jobParams.cronTabSchedule" });
    if (!r.ok) expect(r.message).toContain('"every day"');
  });
});

describe("scan targets", () => {
  const pod = (name: string, owner: { kind: string; name: string } | undefined, containers: Array<[string, string, string?]>, hash?: string): PodLike => ({
    metadata: { name, namespace: "shop", labels: hash ? { "pod-template-hash": hash } : ({} as Record<string, string>), ownerReferences: owner ? [{ ...owner, controller: true }] : [] },
    spec: { containers: containers.map(([n, image]) => ({ name: n, image })) },
    status: { phase: "Running", containerStatuses: containers.map(([n, image, digest]) => ({ name: n, image, imageID: digest ? `docker-pullable://x@${digest}` : "" })) },
  });
  test("workloads: ReplicaSet → Deployment, CronJob Jobs, bare pods", () => {
    expect(workloadOf(pod("web-7d-abc", { kind: "ReplicaSet", name: "web-7d" }, [], "7d"))).toEqual({ kind: "Deployment", name: "web" });
    expect(workloadOf(pod("nightly-28000000-x", { kind: "Job", name: "nightly-28000000" }, []))).toEqual({ kind: "CronJob", name: "nightly" });
    expect(workloadOf(pod("solo", undefined, []))).toEqual({ kind: "Pod", name: "solo" });
  });
  test("images de-duplicated by digest (else tag) across pods", () => {
    const pods = [
      pod("web-1-a", { kind: "ReplicaSet", name: "web-1" }, [["nginx", "nginx:1.25", "sha256:aa"], ["side", "busybox:1", undefined]], "1"),
      pod("web-1-b", { kind: "ReplicaSet", name: "web-1" }, [["nginx", "nginx:1.25", "sha256:aa"], ["side", "busybox:1", undefined]], "1"),
      pod("api", { kind: "StatefulSet", name: "api" }, [["main", "mirror/nginx:1.25", "sha256:aa"], ["main2", "redis:7", "sha256:bb"]]),
    ];
    const t = imageTargets(pods, "c1");
    expect(t.map((x) => [x.imageTag, x.wlid, x.containerName])).toEqual([
      ["nginx:1.25", "wlid://cluster-c1/namespace-shop/deployment-web", "nginx"],
      ["busybox:1", "wlid://cluster-c1/namespace-shop/deployment-web", "side"],
      ["redis:7", "wlid://cluster-c1/namespace-shop/statefulset-api", "main2"],
    ]);
    expect(t[0]!.imageHash).toBe("sha256:aa");
  });
  test("selectors from maps or strings", () => {
    expect(selectorString({ app: "web", tier: "fe" })).toBe("app=web,tier=fe");
    expect(selectorString("a=b")).toBe("a=b");
    expect(selectorString(undefined)).toBe("");
  });
});

describe("registry selection", () => {
  test("include/exclude", () => {
    expect(selectRepositories(["a", "b", "c"], { include: ["a", "c"], exclude: ["c"] })).toEqual(["a"]);
    expect(selectRepositories(["a", "b"], {})).toEqual(["a", "b"]);
  });
  test("depth: latest first, then highest versions", () => {
    expect(selectTags(["1.2", "1.10", "latest", "1.9"], 3)).toEqual(["latest", "1.10", "1.9"]);
    expect(selectTags(["v1"], 0)).toEqual(["v1"]);
  });
});

describe("worker pool", () => {
  test("never runs more than the concurrency, refuses beyond the queue bound", async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const pool = new WorkerPool<number>(3, 5, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await Bun.sleep(10);
      running--;
      done.push(n);
    });
    const accepted = Array.from({ length: 10 }, (_, i) => pool.submit(i));
    // 3 start at once, 5 wait; the last 2 do not fit.
    expect(accepted.filter(Boolean).length).toBe(8);
    await pool.idle();
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  test("a failing task does not stop the pool", async () => {
    const seen: number[] = [];
    const pool = new WorkerPool<number>(1, 10, async (n) => {
      seen.push(n);
      if (n === 0) throw new Error("boom");
    });
    pool.submit(0);
    pool.submit(1);
    await pool.idle();
    expect(seen).toEqual([0, 1]);
  });
});

test("gateway client URL carries the operator's attributes", () => {
  const u = new URL(gatewayClientUrl("gateway:8001", "acct", "c1"));
  expect(u.protocol).toBe("ws:");
  expect(u.pathname).toBe("/v1/waitfornotification");
  expect(Object.fromEntries(u.searchParams)).toEqual({ customerGUID: "acct", clusterName: "c1", clusterComponent: "InClusterTriggerHandler" });
});
