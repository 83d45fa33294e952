import { defineControl } from "./define.ts";

/** Every CronJob is listed for review (a persistence technique in MITRE ATT&CK). */
export const control = defineControl({
  id: "C-0026",
  description: "Lists every CronJob: attackers use scheduled jobs to keep a foothold, so each one should be known and reviewed.",
  remediation: "Review each CronJob and remove the ones that are not expected.",
  evaluate: (index) => ({ results: index.byKind("CronJob").map((object) => ({ object, status: "failed" as const, paths: [] })) }),
});
