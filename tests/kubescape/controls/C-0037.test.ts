import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0037-coredns-poisoning.ts";
import { binding, role, run, user } from "./lib/objectFixtures.ts";

test("C-0037: update on all configmaps or on coredns by name fails; patch limited to another name passes", () => {
  const r = run(control, [
    role("ClusterRole", "all-cm", [{ apiGroups: [""], resources: ["configmaps"], verbs: ["update"] }]),
    role("ClusterRole", "coredns", [{ apiGroups: [""], resources: ["configmaps"], resourceNames: ["coredns"], verbs: ["patch"] }]),
    role("ClusterRole", "other", [{ apiGroups: [""], resources: ["configmaps"], resourceNames: ["app-config"], verbs: ["patch"] }]),
    binding("ClusterRoleBinding", "b1", { kind: "ClusterRole", name: "all-cm" }, [user("a")]),
    binding("ClusterRoleBinding", "b2", { kind: "ClusterRole", name: "coredns" }, [user("b")]),
    binding("ClusterRoleBinding", "b3", { kind: "ClusterRole", name: "other" }, [user("c")]),
  ]);
  expect(r.get("User/a")?.status).toBe("failed");
  expect(r.get("User/b")?.status).toBe("failed");
  expect(r.get("User/c")?.status).toBe("passed");
});
