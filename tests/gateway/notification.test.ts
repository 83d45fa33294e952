import { describe, expect, test } from "bun:test";
import { commandId, cronJobParams, parseCommands } from "../../src/common/wire/commands.ts";
import { decodeNotification, encodeNotificationBson, encodeNotificationJson } from "../../src/common/wire/notification.ts";

describe("notification envelope", () => {
  const envelope = { target: { customerGUID: "a1", dest: "trigger" }, sendSynchronicity: true, notification: { commands: [{ commandName: "scan" }] } };

  test("JSON and BSON decode to the same envelope", () => {
    const j = decodeNotification(encodeNotificationJson(envelope));
    const b = decodeNotification(encodeNotificationBson(envelope));
    expect(j.ok && j.format).toBe("json");
    expect(b.ok && b.format).toBe("bson");
    if (!j.ok || !b.ok) throw new Error("decode failed");
    expect(b.envelope.target).toEqual(j.envelope.target);
    expect(b.envelope.notification).toEqual(j.envelope.notification);
    expect(j.envelope.sendSynchronicity).toBe(true);
  });

  test("keys bind case-insensitively, target keys stay exact", () => {
    const r = decodeNotification(new TextEncoder().encode('{"Target":{"ClusterName":"x"},"SendSynchronicity":true}'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.envelope.target).toEqual({ ClusterName: "x" });
      expect(r.envelope.sendSynchronicity).toBe(true);
    }
  });

  test("missing or empty target is refused naming target", () => {
    for (const body of ['{"notification":{}}', '{"target":{}}']) {
      const r = decodeNotification(new TextEncoder().encode(body));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.field).toBe("target");
    }
  });

  test("garbage is refused, not thrown", () => {
    const r = decodeNotification(new Uint8Array([1, 2, 3, 4, 5]));
    expect(r.ok).toBe(false);
    expect(decodeNotification(new Uint8Array()).ok).toBe(false);
  });
});

describe("Commands JSON", () => {
  test("struct keys bind case-insensitively, args keys stay exact", () => {
    const r = parseCommands({
      Commands: [
        {
          CommandName: "kubescapeScan",
          WildWlid: "wlid://cluster-c1/",
          JobTracking: { JobID: "j1", ParentAction: "p1" },
          Designators: [{ DesignatorType: "Attributes", Attributes: { Namespace: "ns" } }],
          args: { scanV1: { targetType: "Framework" }, JobParams: { x: 1 } },
        },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.value.commands[0]!;
    expect(c.commandName).toBe("kubescapeScan");
    expect(c.wildWlid).toBe("wlid://cluster-c1/");
    expect(c.jobTracking?.jobID).toBe("j1");
    expect(c.jobTracking?.parentAction).toBe("p1");
    expect(c.designators?.[0]?.attributes).toEqual({ Namespace: "ns" });
    expect(Object.keys(c.args ?? {})).toEqual(["scanV1", "JobParams"]);
    expect(commandId(c)).toBe("designators");
  });

  test("an exact spelling wins over a case-folded one", () => {
    const r = parseCommands({ commands: [{ CommandName: "a", commandName: "b" }] });
    expect(r.ok && r.value.commands[0]!.commandName).toBe("b");
  });

  test("malformed documents name the field", () => {
    const missing = parseCommands({ commands: [{ args: {} }] });
    expect(missing).toMatchObject({ ok: false, field: "commands.0.commandName" });
    expect(parseCommands({ commands: [] })).toMatchObject({ ok: false, field: "commands" });
    expect(parseCommands("x")).toMatchObject({ ok: false });
    expect(parseCommands({ commands: [{ commandName: "scan", jobTracking: { numSeq: "x" } }] })).toMatchObject({ ok: false, field: "commands.0.jobTracking.numSeq" });
  });

  test("jobParams read from args, case-insensitive inside the struct", () => {
    const r = parseCommands({ commands: [{ commandName: "setVulnScanCronJob", args: { jobParams: { Name: "n1", CronTabSchedule: "0 1 * * *" } } }] });
    if (!r.ok) throw new Error(r.message);
    expect(cronJobParams(r.value.commands[0]!)).toMatchObject({ name: "n1", cronTabSchedule: "0 1 * * *" });
  });
});
