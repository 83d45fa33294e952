import { describe, expect, test } from "bun:test";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { namespaceAllowed, prepareClusterObject } from "../../../src/kubescape/inputs/cluster.ts";
import { parseManifests } from "../../../src/kubescape/inputs/parseManifests.ts";
import { snapshotFromPaths } from "../../../src/kubescape/inputs/snapshot.ts";

const multi = `# a comment
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
---
not: a k8s object
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: web, namespace: shop }
`;

describe("parseManifests", () => {
  test("multi-document YAML keeps each document's start line; non-objects ignored; Lists unpacked", () => {
    const { objects, problems } = parseManifests(multi, "m.yaml");
    expect(problems).toEqual([]);
    expect(objects.map((o) => [o.object.kind, o.source.line])).toEqual([
      ["Namespace", 2],
      ["Deployment", 7],
      ["Service", 17],
    ]);
  });
  test("JSON documents and typed lists", () => {
    const json = JSON.stringify({ apiVersion: "v1", kind: "PodList", items: [{ metadata: { name: "p", namespace: "a" }, spec: {} }] });
    const { objects } = parseManifests(json, "p.json");
    expect(objects[0]!.object.kind).toBe("Pod");
    expect(objects[0]!.object.apiVersion).toBe("v1");
  });
  test("syntax errors become problems with a line, other documents still load", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\nkey: [unclosed\n";
    const { objects, problems } = parseManifests(text, "bad.yaml");
    expect(objects.length).toBe(1);
    expect(problems.length).toBe(1);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(6);
  });
});

describe("snapshotFromPaths", () => {
  test("folders are walked recursively, stdin read with '-', sources kept, namespace filter applied", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ks-files-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "a.yaml"), multi);
    writeFileSync(join(dir, "sub", "b.json"), JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "other" } }));
    writeFileSync(join(dir, "notes.txt"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ignored}\n");
    const snap = await snapshotFromPaths([dir, "-"], { stdin: async () => "apiVersion: v1\nkind: Pod\nmetadata: {name: from-stdin, namespace: shop}\n", filter: { exclude: ["other"] } });
    const names = snap.index.all.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names).toEqual(["Namespace/shop", "Deployment/web", "Service/web", "Pod/from-stdin"]);
    const web = snap.index.get("Deployment", "shop", "web")!;
    expect(snap.index.source(web)).toEqual({ file: join(dir, "a.yaml"), line: 7 });
    expect(snap.index.source(snap.index.get("Pod", "shop", "from-stdin")!)).toEqual({ file: "stdin", line: 1 });
    expect(snap.index.isLiveCluster).toBe(false);
  });
  test("a missing path is a problem, not a crash", async () => {
    const snap = await snapshotFromPaths(["/nonexistent/x.yaml"]);
    expect(snap.problems[0]!.message).toContain("no such file");
  });
});

describe("cluster object preparation", () => {
  test("controller-owned pods dropped, secret values blanked, namespace filters", () => {
    const owned = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "a", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", controller: true }] } };
    expect(prepareClusterObject(owned)).toBeUndefined();
    const secret = prepareClusterObject({ apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "a" }, data: { password: "aHVudGVyMg==" } })!;
    expect(secret.data).toEqual({ password: "" });
    const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-system" } };
    expect(namespaceAllowed(ns, { exclude: ["kube-system"] })).toBe(false);
    expect(namespaceAllowed({ apiVersion: "v1", kind: "Node", metadata: { name: "n" } }, { include: ["a"] })).toBe(true);
    expect(namespaceAllowed({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "b" } }, { include: ["a"] })).toBe(false);
  });
});
