import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0054-cluster-internal-networking.ts";
import { obj, run } from "./lib/objectFixtures.ts";

test("C-0054: namespaces without any network policy fail; a NetworkPolicy or CiliumNetworkPolicy in the namespace passes it", () => {
  const r = run(control, [
    obj("v1", "Namespace", "open", undefined),
    obj("v1", "Namespace", "guarded", undefined),
    obj("v1", "Namespace", "cilium", undefined),
    obj("networking.k8s.io/v1", "NetworkPolicy", "deny", "guarded", { spec: { podSelector: {} } }),
    obj("cilium.io/v2", "CiliumNetworkPolicy", "deny", "cilium", { spec: {} }),
  ]);
  expect(r.get("Namespace/open")?.status).toBe("failed");
  expect(r.get("Namespace/guarded")?.status).toBe("passed");
  expect(r.get("Namespace/cilium")?.status).toBe("passed");
});
