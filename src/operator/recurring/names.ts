import { randomBytes } from "node:crypto";

/** Kubernetes CronJob names must leave room for the Job suffix: at most 52 characters. */
export const CRONJOB_NAME_LIMIT = 52;

/**
 * The reference's `fixK8sCronJobNameLimit`: truncate to 52, strip trailing `-`, replace runs of
 * characters other than `[A-Za-z0-9-]` with `-`, lower-case. A trailing `-` the replacement may
 * leave is stripped too, so the result is always a valid object name.
 */
export function fixCronJobName(name: string): string {
  let out = name.length > CRONJOB_NAME_LIMIT ? name.slice(0, CRONJOB_NAME_LIMIT) : name;
  out = out.replace(/-+$/, "");
  out = out.replace(/[^A-Za-z0-9-]+/g, "-").toLowerCase();
  return out.replace(/^-+|-+$/g, "");
}

/** A non-negative 63-bit random integer, like Go's rand.Int63 (the reference's name suffix). */
export function randomInt63(): string {
  return (randomBytes(8).readBigUInt64BE() >> 1n).toString();
}

export function kubescapeCronJobName(targetName: string, suffix = randomInt63()): string {
  return fixCronJobName(`ks-scheduled-scan-${targetName}-${suffix}`);
}

export function vulnScanCronJobName(suffix = randomInt63()): string {
  return fixCronJobName(`kubevuln-schedule-${suffix}`);
}

export function registryScanCronJobName(suffix = randomInt63()): string {
  return fixCronJobName(`kubescape-registry-scan-${suffix}`);
}
