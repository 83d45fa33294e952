import { expect, test } from "bun:test";
import { silentLogger } from "../../src/common/log.ts";
import type { Commands } from "../../src/common/wire/commands.ts";
import { encodeNotificationBson, encodeNotificationJson } from "../../src/common/wire/notification.ts";
import { GatewayCommandClient } from "../../src/operator/gatewayClient.ts";

test("acts only on trigger/kubescape destinations; JSON, BSON and string notifications", () => {
  const got: Commands[] = [];
  const client = new GatewayCommandClient({ gatewayUrl: "gateway:8001", customerGUID: "a", clusterName: "c", logger: silentLogger, onCommands: (c) => got.push(c) });
  const commands = { commands: [{ commandName: "scan" }] };
  client.handleFrame(encodeNotificationJson({ target: { customerGUID: "a", dest: "trigger" }, notification: commands }));
  client.handleFrame(encodeNotificationBson({ target: { customerGUID: "a", dest: "kubescape" }, notification: commands }));
  client.handleFrame(encodeNotificationJson({ target: { customerGUID: "a", dest: "trigger" }, notification: JSON.stringify(commands) }));
  client.handleFrame(encodeNotificationJson({ target: { customerGUID: "a", dest: "kollector" }, notification: commands }));
  client.handleFrame(encodeNotificationJson({ target: { customerGUID: "a" }, notification: commands }));
  client.handleFrame(encodeNotificationJson({ target: { customerGUID: "a", dest: "trigger" }, notification: { commands: [{}] } }));
  client.handleFrame(new TextEncoder().encode("not a notification"));
  expect(got.map((c) => c.commands[0]!.commandName)).toEqual(["scan", "scan", "scan"]);
});
