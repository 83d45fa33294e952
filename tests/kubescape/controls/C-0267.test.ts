import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0267-workload-with-cluster-takeover-roles.ts";
import { clusterRole, clusterRoleBinding, deployment, run, sa } from "./upperRangeKit.ts";

const account = (automount?: boolean) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "bot", namespace: "apps" }, ...(automount === undefined ? {} : { automountServiceAccountToken: automount }) });
const wl = () => deployment("d", { serviceAccountName: "bot", containers: [] });
describe("C-0267 workload service account roles", () => {
  test("fails a workload whose mounted token has the role", () => {
    const out = run(control, [account(), clusterRole("r", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]), clusterRoleBinding("b", "r", [sa("bot", "apps")]), wl()]);
    expect(out.failed.get("Deployment/d")).toEqual([]);
  });
  test("passes with automount off, a harmless role, or no binding", () => {
    expect(run(control, [account(false), clusterRole("r", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]), clusterRoleBinding("b", "r", [sa("bot", "apps")]), wl()]).passed.has("Deployment/d")).toBe(true);
    expect(run(control, [account(), clusterRole("r", [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }]), clusterRoleBinding("b", "r", [sa("bot", "apps")]), wl()]).passed.has("Deployment/d")).toBe(true);
    expect(run(control, [account(), clusterRole("r", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]), wl()]).passed.has("Deployment/d")).toBe(true);
  });
});
