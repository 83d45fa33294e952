import { deserialize, serialize } from "bson";
import { z } from "zod";
import { bindKeys } from "./commands.ts";

/**
 * The gateway's notification envelope (cluster-notifier-api-go, wire spec §4):
 * `{target, sendSynchronicity, notification}`, carried as JSON or, by old clients, BSON.
 * `target` is a string map (exact keys) matched against websocket client attributes.
 */
export const NotificationEnvelopeSchema = z.preprocess(
  (v) => bindKeys(v, ["target", "sendSynchronicity", "notification"]),
  z
    .object({
      target: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
        .refine((t) => Object.keys(t).length > 0, "target must name at least one attribute"),
      sendSynchronicity: z.boolean().default(false),
      notification: z.unknown().optional(),
    })
    .loose(),
);
export type NotificationEnvelope = z.infer<typeof NotificationEnvelopeSchema>;

export type DecodedNotification =
  | { ok: true; envelope: NotificationEnvelope; format: "json" | "bson" }
  | { ok: false; field: string; message: string };

const BRACE = 0x7b;
const BRACKET = 0x5b;
const QUOTE = 0x22;

/** Index of the first byte that is not JSON whitespace. */
function firstSignificant(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return i;
}

/** True when the bytes look like JSON (the reference's rule: first byte `{`, `[` or `"`). */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const b = bytes[firstSignificant(bytes)];
  return b === BRACE || b === BRACKET || b === QUOTE;
}

/** Decodes a notification from raw bytes: JSON when it looks like JSON, else BSON. */
export function decodeNotification(bytes: Uint8Array): DecodedNotification {
  let raw: unknown;
  let format: "json" | "bson";
  if (bytes.length === 0) return { ok: false, field: "body", message: "body: empty notification" };
  try {
    if (looksLikeJson(bytes)) {
      format = "json";
      raw = JSON.parse(new TextDecoder().decode(bytes));
    } else {
      format = "bson";
      raw = deserialize(bytes, { promoteValues: true, promoteBuffers: false });
    }
  } catch (err) {
    return { ok: false, field: "body", message: `body: neither JSON nor BSON (${(err as Error).message})` };
  }
  const parsed = NotificationEnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
    return { ok: false, field, message: `${field}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, envelope: parsed.data, format };
}

/** JSON bytes of an envelope, as the gateway forwards them. */
export function encodeNotificationJson(envelope: { target: Record<string, string>; sendSynchronicity?: boolean; notification?: unknown }): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ sendSynchronicity: false, ...envelope }));
}

/** BSON bytes of an envelope (what old Go clients posted). */
export function encodeNotificationBson(envelope: { target: Record<string, string>; sendSynchronicity?: boolean; notification?: unknown }): Uint8Array {
  return serialize({ sendSynchronicity: false, ...envelope });
}
