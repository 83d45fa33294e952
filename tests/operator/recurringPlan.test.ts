import { describe, expect, test } from "bun:test";
import { parseCommands, type Command } from "../../src/common/wire/commands.ts";
import { cronProblem } from "../../src/operator/recurring/cron.ts";
import { recurringCommand } from "../../src/operator/recurring/kinds.ts";
import { CRONJOB_NAME_LIMIT, fixCronJobName, kubescapeCronJobName, randomInt63 } from "../../src/operator/recurring/names.ts";
import { CommandInputError, normaliseScanV1, planSetKubescape, planSetRegistry, planSetVuln, planUpdate } from "../../src/operator/recurring/plan.ts";
import { builtinTemplate, fillTemplate, parseTemplate, requestBodyConfigMap } from "../../src/operator/recurring/template.ts";
import { stringify } from "yaml";

function command(doc: unknown): Command {
  const r = parseCommands({ commands: [doc] });
  if (!r.ok) throw new Error(r.message);
  return r.value.commands[0]!;
}

const ctx = { namespace: "kubescape", suspend: false, nameSuffix: () => "42" };

describe("CronJob names", () => {
  test("52-character rule, trailing dashes, invalid characters, lower case", () => {
    expect(fixCronJobName("ks-scheduled-scan-NSA_Framework-1")).toBe("ks-scheduled-scan-nsa-framework-1");
    const long = `ks-scheduled-scan-${"x".repeat(40)}-123`;
    expect(fixCronJobName(long).length).toBeLessThanOrEqual(CRONJOB_NAME_LIMIT);
    expect(fixCronJobName(`${"a".repeat(51)}-bbb`)).toBe("a".repeat(51));
    expect(fixCronJobName("Ab--")).toBe("ab");
  });
  test("random suffix is a non-negative 63-bit integer", () => {
    for (let i = 0; i < 50; i++) {
      const n = BigInt(randomInt63());
      expect(n >= 0n && n < 2n ** 63n).toBe(true);
    }
    expect(kubescapeCronJobName("MITRE", "9")).toBe("ks-scheduled-scan-mitre-9");
  });
});

describe("cron validation", () => {
  test("croner accepts 5-field schedules and macros, names the problem otherwise", () => {
    expect(cronProblem("0 8 * * *")).toBeUndefined();
    expect(cronProblem("*/5 * * * 1-5")).toBeUndefined();
    expect(cronProblem("@daily")).toBeUndefined();
    expect(cronProblem("61 * * * *")).toBeString();
    expect(cronProblem("* * *")).toContain("5 fields");
    expect(cronProblem("0 0 8 * * *")).toContain("5 fields");
  });
  test("command names map to verb × kind", () => {
    expect(recurringCommand("updateRegistryScanCronJob")).toEqual({ verb: "update", kind: "registry" });
    expect(recurringCommand("scan")).toBeUndefined();
  });
});

describe("templates", () => {
  const template = builtinTemplate("vuln", { namespace: "kubescape" });
  test("fill sets name, labels.app, schedule, suspend, annotations and the body volume", () => {
    const cj = fillTemplate(template, { name: "kubevuln-schedule-1", namespace: "ns", schedule: "5 4 * * *", annotations: { a: "b" }, suspend: true });
    expect(cj.metadata.name).toBe("kubevuln-schedule-1");
    expect(cj.metadata.namespace).toBe("ns");
    expect(cj.metadata.labels?.app).toBe("kubevuln-schedule-1");
    expect(cj.metadata.labels?.["armo.tier"]).toBe("vuln-scan");
    expect(cj.spec.schedule).toBe("5 4 * * *");
    expect(cj.spec.suspend).toBe(true);
    expect(cj.spec.jobTemplate.spec?.template?.metadata?.annotations).toEqual({ a: "b" });
    expect(requestBodyConfigMap(cj)).toBe("kubevuln-schedule-1");
    // The template itself is untouched.
    expect(requestBodyConfigMap(template)).toBe("request-body-placeholder");
  });
  test("an empty schedule keeps the template's; YAML templates round-trip", () => {
    const parsed = parseTemplate(stringify(template), "test");
    const cj = fillTemplate(parsed, { name: "n", namespace: "ns", annotations: {}, suspend: false });
    expect(cj.spec.schedule).toBe("0 0 * * *");
    expect(() => parseTemplate("kind: CronJob\n", "x")).toThrow("jobTemplate");
  });
  test("the built-in template runs http-request against the operator", () => {
    const args = builtinTemplate("kubescape", { namespace: "ks" }).spec.jobTemplate.spec?.template?.spec as { containers: Array<{ args: string[] }> };
    expect(args.containers[0]!.args).toEqual(["http-request", "-method=POST", "-scheme=http", "-host=operator:4002", "-path=v1/triggerAction", "-headers=Content-Type:application/json", "-path-body=/home/ks/request-body.json"]);
  });
});

describe("plans", () => {
  test("kubescape: one CronJob per target name with annotations and a kubescapeScan body", () => {
    const c = command({
      commandName: "setKubescapeCronJob",
      jobTracking: { jobID: "job-1" },
      args: { jobParams: { cronTabSchedule: "0 3 * * *" }, scanV1: { targetType: "Framework", targetNames: ["nsa", "MITRE"], hostScanner: false } },
    });
    const plans = planSetKubescape(c, builtinTemplate("kubescape", { namespace: "kubescape" }), ctx);
    expect(plans.map((p) => p.cronJob.metadata.name)).toEqual(["ks-scheduled-scan-nsa-42", "ks-scheduled-scan-mitre-42"]);
    const [nsa] = plans;
    expect(nsa!.cronJob.spec.jobTemplate.spec?.template?.metadata?.annotations).toEqual({ "armo.jobid": "job-1", "armo.framework": "nsa", "armo.host-scanner": "false" });
    expect(nsa!.configMap.labels).toEqual({ app: "ks-scheduled-scan-nsa-42", "armo.tier": "kubescape-scan" });
    expect(JSON.parse(nsa!.configMap.data["request-body.json"]!)).toEqual({
      commands: [{ commandName: "kubescapeScan", jobTracking: { jobID: "job-1" }, args: { scanV1: { targetType: "Framework", targetNames: ["nsa"], hostScanner: false } } }],
    });
  });
  test("scanV1 defaults: no targets → all frameworks", () => {
    expect(normaliseScanV1(undefined)).toMatchObject({ targetType: "Framework", targetNames: ["all"] });
    expect(normaliseScanV1({ targetType: "control", targetNames: ["", "C-0001"] })).toMatchObject({ targetNames: ["all", "C-0001"] });
  });
  test("vuln: schedule required; body is the command renamed scan without args", () => {
    const base = { commandName: "setVulnScanCronJob", jobTracking: { jobID: "j2" }, wildWlid: "wlid://cluster-c1/namespace-shop/" };
    expect(() => planSetVuln(command({ ...base, args: {} }), builtinTemplate("vuln", { namespace: "k" }), ctx)).toThrow(CommandInputError);
    const p = planSetVuln(command({ ...base, args: { jobParams: { cronTabSchedule: "1 2 * * *" } } }), builtinTemplate("vuln", { namespace: "k" }), ctx);
    expect(p.cronJob.metadata.name).toBe("kubevuln-schedule-42");
    expect(p.cronJob.spec.jobTemplate.spec?.template?.metadata?.annotations).toEqual({
      "armo.cloud/jobid": "j2",
      "app.kubescape/job-id": "j2",
      "armo.namespace": "shop",
      "app.kubescape/namespace": "shop",
    });
    expect(JSON.parse(p.configMap.data["request-body.json"]!)).toEqual({ commands: [{ commandName: "scan", jobTracking: { jobID: "j2" }, wildWlid: "wlid://cluster-c1/namespace-shop/" }] });
  });
  test("registry: credentials go to a Secret, never the ConfigMap", () => {
    const c = command({
      commandName: "setRegistryScanCronJob",
      args: { jobParams: { cronTabSchedule: "0 1 * * *" }, "registryInfo-v1": { registryName: "reg.io", depth: 2, authMethod: { type: "private", username: "u", password: "p" } } },
    });
    const p = planSetRegistry(c, builtinTemplate("registry", { namespace: "k" }), ctx);
    expect(p.cronJob.metadata.name).toBe("kubescape-registry-scan-42");
    expect(p.cronJob.spec.jobTemplate.spec?.template?.metadata?.annotations).toEqual({ "armo.cloud/registryname": "reg.io" });
    const body = p.configMap.data["request-body.json"]!;
    expect(body).not.toContain('"p"');
    expect(JSON.parse(body)).toEqual({
      commands: [{ commandName: "scanRegistry", args: { "registryInfo-v1": { registryName: "reg.io", depth: 2, authMethod: { type: "private" }, secretName: "kubescape-registry-scan-42" } } }],
    });
    expect(JSON.parse(p.secret!.stringData.registriesAuth!)).toEqual([{ registry: "reg.io", username: "u", password: "p", auth_method: "private" }]);
  });
  test("update replaces the schedule and adds the update annotations", () => {
    const existing = fillTemplate(builtinTemplate("vuln", { namespace: "k" }), { name: "n", namespace: "k", schedule: "0 0 * * *", annotations: { "armo.cloud/jobid": "j" }, suspend: false });
    const u = planUpdate(command({ commandName: "updateVulnScanCronJob", jobTracking: { jobID: "u1" }, args: { jobParams: { name: "n", cronTabSchedule: "9 9 * * *" } } }), existing, false);
    expect(u.spec.schedule).toBe("9 9 * * *");
    expect(u.spec.jobTemplate.spec?.template?.metadata?.annotations).toEqual({ "armo.cloud/jobid": "j", "armo.updatejobid": "u1", "app.kubescape/update-job-id": "u1" });
    expect(u.spec.suspend).toBe(false);
  });
  test("update keeps a suspended CronJob suspended; croner mode always suspends", () => {
    const c = command({ commandName: "updateVulnScanCronJob", args: { jobParams: { name: "n", cronTabSchedule: "9 9 * * *" } } });
    const base = fillTemplate(builtinTemplate("vuln", { namespace: "k" }), { name: "n", namespace: "k", annotations: {}, suspend: true });
    expect(planUpdate(c, base, false).spec.suspend).toBe(true);
    const running = fillTemplate(builtinTemplate("vuln", { namespace: "k" }), { name: "n", namespace: "k", annotations: {}, suspend: false });
    expect(planUpdate(c, running, true).spec.suspend).toBe(true);
    expect(() => planUpdate(command({ commandName: "updateVulnScanCronJob", args: { jobParams: { name: "n" } } }), running, false)).toThrow("cronTabSchedule");
  });
});
