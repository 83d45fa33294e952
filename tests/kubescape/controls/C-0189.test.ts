import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0189-default-service-accounts-not-used.ts";
import { deletePaths, fixPaths, namespace, run } from "./upperRangeKit.ts";

const sa = (name: string, ns: string, automount?: boolean) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: ns }, ...(automount === undefined ? {} : { automountServiceAccountToken: automount }) });
describe("C-0189 default service accounts not used", () => {
  test("fails default accounts that mount tokens and namespaces with only the default account", () => {
    const out = run(control, [namespace("apps"), sa("default", "apps"), { ...sa("default", "ops", true), metadata: { name: "default", namespace: "ops" } }]);
    expect(fixPaths(out.failed.get("ServiceAccount/default"))).toBeDefined();
    expect(out.failed.get("Namespace/apps")).toEqual([]);
    const paths = [...(out.failed.get("ServiceAccount/default") ?? [])];
    expect(deletePaths(paths)).toEqual(["automountServiceAccountToken"]);
    expect(fixPaths(paths)).toEqual([{ path: "automountServiceAccountToken", value: "false" }]);
  });
  test("passes a namespace with its own account and a default account that opts out", () => {
    const out = run(control, [namespace("apps"), sa("default", "apps", false), sa("web", "apps")]);
    expect(out.failed.size).toBe(0);
    expect(out.passed.has("Namespace/apps")).toBe(true);
  });
});
