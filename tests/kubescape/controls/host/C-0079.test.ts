import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0079-cve-2022-0185-linux-kernel-container-escape.ts";
import { envelope, evaluate } from "./fixtures.ts";
import type { K8sObject } from "../../../../src/kubescape/types.ts";

const node = (name: string, kernelVersion: string, operatingSystem = "linux") => ({ apiVersion: "v1", kind: "Node", metadata: { name }, status: { nodeInfo: { kernelVersion, operatingSystem } } }) as K8sObject;

describe("C-0079 CVE-2022-0185", () => {
  test("kernels between 5.1 and 5.16.2 fail; older and fixed pass", () => {
    const out = evaluate(control, [node("vuln", "5.10.0-21-amd64"), node("fixed", "5.16.2"), node("new", "6.12.48-amd64"), node("old", "4.19.0")]);
    expect(out.map((o) => [o.name, o.status])).toEqual([["vuln", "failed"], ["fixed", "passed"], ["new", "passed"], ["old", "passed"]]);
    expect(out[0]?.paths[0]?.failedPath).toBe("status.nodeInfo.kernelVersion");
  });
  test("windows nodes are not evaluated; host-scanner kernel version is", () => {
    const out = evaluate(control, [node("win", "10.0.17763", "windows"), envelope("KernelVersion", "5.15.0-1034-azure", "n1")]);
    expect(out.map((o) => [o.kind, o.status])).toEqual([["KernelVersion", "failed"]]);
  });
});
