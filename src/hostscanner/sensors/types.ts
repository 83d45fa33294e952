import type { HostFs } from "../hostFs.ts";
import type { HostProcess } from "../processes.ts";

export interface SensorContext {
  fs: HostFs;
  /** Processes are listed once per request (reading /proc is the costly part). */
  processes(): HostProcess[];
  /** Cloud metadata endpoint probed by /cloudproviderinfo. */
  metadataUrl: string;
  metadataTimeoutMs: number;
}

/** What a sensor found: a JSON value or raw text, or "not here" (e.g. not a control-plane node). */
export type SensorResult = { kind: "json"; value: unknown } | { kind: "text"; value: string } | { kind: "absent"; reason: string };

export type Sensor = (ctx: SensorContext) => SensorResult | Promise<SensorResult>;

export const json = (value: unknown): SensorResult => ({ kind: "json", value });
export const text = (value: string): SensorResult => ({ kind: "text", value });
export const absent = (reason: string): SensorResult => ({ kind: "absent", reason });
