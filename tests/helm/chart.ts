/** Renders the chart with the real helm binary and parses the objects with `yaml`. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { controlPlaneBinaries } from "../cluster/binaries.ts";
import { CHART_DIR } from "./valuesTable.ts";

export { CHART_DIR };
export const FIXTURES = join(import.meta.dir, "fixtures");

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: any;
}

/** helm from the shared run (KS_TEST_HELM) or the project's cached build. */
export function helmPath(): string {
  return process.env.KS_TEST_HELM ?? controlPlaneBinaries().helm;
}

export interface HelmResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function helm(args: string[], helmBinary = helmPath()): HelmResult {
  const res = spawnSync(helmBinary, args, { encoding: "utf8", timeout: 120_000, env: { ...process.env, HELM_CACHE_HOME: "/tmp/ks-helm-cache", HELM_CONFIG_HOME: "/tmp/ks-helm-config", HELM_DATA_HOME: "/tmp/ks-helm-data" } });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

export function parseObjects(manifest: string): K8sObject[] {
  return parseAllDocuments(manifest)
    .map((d) => d.toJSON() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null && typeof o === "object" && "kind" in o);
}

/** `helm template` with the given value arguments; throws with helm's message on failure. */
export function render(valueArgs: string[], release = "ks"): K8sObject[] {
  const res = helm(["template", release, CHART_DIR, ...valueArgs]);
  if (res.status !== 0) throw new Error(`helm template failed: ${res.stderr}`);
  return parseObjects(res.stdout);
}

/** helm's error output for values that must be refused (throws if helm accepts them). */
export function renderError(valueArgs: string[]): string {
  const res = helm(["template", "ks", CHART_DIR, ...valueArgs]);
  if (res.status === 0) throw new Error(`helm template accepted ${valueArgs.join(" ")}`);
  return res.stderr;
}

export const fixture = (name: string) => ["-f", join(FIXTURES, name)];

export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${kind}/${name} not rendered`);
  return o;
}

export const ids = (objects: K8sObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();

/** Pod specs of every workload, including the CronJobs inside the template ConfigMaps. */
export function podSpecs(objects: K8sObject[]): { owner: string; spec: K8sObject["spec"]; labels: Record<string, string> }[] {
  const out: { owner: string; spec: K8sObject["spec"]; labels: Record<string, string> }[] = [];
  const add = (o: K8sObject, owner: string) => {
    if (o.kind === "CronJob") {
      const t = o.spec.jobTemplate.spec.template;
      out.push({ owner, spec: t.spec, labels: t.metadata?.labels ?? {} });
    } else if (["Deployment", "StatefulSet", "DaemonSet"].includes(o.kind)) {
      out.push({ owner, spec: o.spec.template.spec, labels: o.spec.template.metadata?.labels ?? {} });
    }
  };
  for (const o of objects) {
    add(o, `${o.kind}/${o.metadata.name}`);
    if (o.kind === "ConfigMap" && o.data?.cronjobTemplate) {
      for (const inner of parseObjects(o.data.cronjobTemplate)) add(inner, `ConfigMap/${o.metadata.name}:cronjobTemplate`);
    }
  }
  return out;
}
