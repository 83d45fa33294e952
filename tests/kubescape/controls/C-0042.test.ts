import { expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0042-ssh-server-running-inside-container.ts";
import { c, deployment, failedPaths, obj, pod, run } from "./lib/objectFixtures.ts";

test("C-0042: a workload selected by a Service on port 22/2222 fails; other ports or namespaces pass", () => {
  const svc = (name: string, ns: string, selector: object, ports: object[]) => obj("v1", "Service", name, ns, { spec: { selector, ports } });
  const r = run(control, [
    deployment("sshd", { containers: [c("a")] }),
    deployment("web", { containers: [c("a")] }),
    deployment("lonely", { containers: [c("a")] }),
    pod("box", { containers: [c("a")] }, { labels: { app: "box", "pod-template-hash": "abc" } }),
    svc("ssh", "apps", { app: "sshd" }, [{ port: 2022, targetPort: 22 }]),
    svc("web", "apps", { app: "web" }, [{ port: 80 }]),
    svc("box", "apps", { app: "box" }, [{ port: 2222 }]),
    svc("elsewhere", "other", { app: "web" }, [{ port: 22 }]),
  ]);
  expect(failedPaths(r.get("Deployment/sshd"))).toEqual(["spec.template.metadata.labels"]);
  expect(r.get("Deployment/web")?.status).toBe("passed");
  // a workload no Service selects is not relevant
  expect(r.has("Deployment/lonely")).toBe(false);
  expect(failedPaths(r.get("Pod/box"))).toEqual(["metadata.labels"]);
});
