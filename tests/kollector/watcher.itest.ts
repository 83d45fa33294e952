import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { KubeConfig } from "../../src/common/kube.ts";
import { silentLogger } from "../../src/common/log.ts";
import { type KubeObject, ResourceWatcher, type WatchEventType } from "../../src/kollector/watcher.ts";
import { sharedControlPlane } from "../cluster/shared.ts";
import { waitFor } from "../support/ports.ts";

const ns = `watcher-it-${Date.now().toString(36)}`;
let kc: KubeConfig;
const watchers: ResourceWatcher[] = [];

const post = (path: string, body: unknown) => kc.fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  const cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
  await post("/api/v1/namespaces", { metadata: { name: ns } });
  for (let i = 0; i < 5; i++) await post(`/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: `cm-${i}` }, data: { i: String(i) } });
}, 180_000);
afterAll(async () => {
  for (const w of watchers) await w.stop();
});

function watch(options: { resumeFrom?: string; pageSize?: number; metadataOnly?: boolean; path?: string }) {
  const events: Array<[WatchEventType, KubeObject]> = [];
  const w = new ResourceWatcher({
    kc,
    logger: silentLogger,
    target: { kind: "ConfigMap", path: options.path ?? `/api/v1/namespaces/${ns}/configmaps`, metadataOnly: options.metadataOnly },
    onEvent: (type, obj) => events.push([type, obj]),
    minBackoffMs: 100,
    maxBackoffMs: 500,
    pageSize: options.pageSize,
    resumeFrom: options.resumeFrom,
  });
  watchers.push(w);
  return { w, events };
}

describe("list-then-watch against the real apiserver", () => {
  test("paged list, then live ADDED / MODIFIED / DELETED from the list's resourceVersion", async () => {
    const { w, events } = watch({ pageSize: 2 });
    await w.start();
    expect(events.map(([t, o]) => `${t} ${o.metadata.name}`)).toEqual(["ADDED cm-0", "ADDED cm-1", "ADDED cm-2", "ADDED cm-3", "ADDED cm-4"]);
    await post(`/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: "live" } });
    await kc.fetch(`/api/v1/namespaces/${ns}/configmaps/live`, { method: "PATCH", headers: { "content-type": "application/merge-patch+json" }, body: JSON.stringify({ data: { k: "v" } }) });
    await kc.fetch(`/api/v1/namespaces/${ns}/configmaps/live`, { method: "DELETE" });
    await waitFor("three live events", () => events.length >= 8, 10_000, 50);
    expect(events.slice(5).map(([t, o]) => `${t} ${o.metadata.name}`)).toEqual(["ADDED live", "MODIFIED live", "DELETED live"]);
    expect(w.size).toBe(5);
  });

  test("an expired resourceVersion (410 Gone from the apiserver) leads to a relist", async () => {
    const { w, events } = watch({ resumeFrom: "1" });
    await w.start();
    await waitFor("relist after 410", () => w.lists === 1 && events.length >= 5, 10_000, 50);
    expect(events.filter(([t]) => t === "ADDED").map(([, o]) => o.metadata.name).sort()).toEqual(["cm-0", "cm-1", "cm-2", "cm-3", "cm-4"]);
    // And it keeps watching after the relist.
    await post(`/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: "after-relist" } });
    await waitFor("event after relist", () => events.some(([t, o]) => t === "ADDED" && o.metadata.name === "after-relist"), 10_000, 50);
  });

  test("metadata-only watch: the object's payload is never received", async () => {
    const { w, events } = watch({ metadataOnly: true });
    await w.start();
    expect(events.length).toBeGreaterThanOrEqual(5);
    for (const [, obj] of events) {
      expect(obj.kind).toBe("PartialObjectMetadata");
      expect(obj).not.toHaveProperty("data");
    }
  });

  test("an unreachable apiserver is retried with backoff, not fatal", async () => {
    const bad = new KubeConfig();
    bad.loadFromOptions({ clusters: [{ name: "c", server: "https://127.0.0.1:9", skipTLSVerify: true }], users: [{ name: "u", token: "t" }], contexts: [{ name: "x", cluster: "c", user: "u" }], currentContext: "x" });
    const w = new ResourceWatcher({ kc: bad, logger: silentLogger, target: { kind: "ConfigMap", path: "/api/v1/configmaps" }, onEvent: () => {}, minBackoffMs: 50, maxBackoffMs: 100 });
    const started = w.start();
    await Bun.sleep(400);
    expect(w.lists).toBe(0);
    await w.stop();
    await started;
  });
});
