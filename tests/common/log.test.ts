import { expect, test } from "bun:test";
import pino from "pino";
import { withJob } from "../../src/common/log.ts";

function capture() {
  const lines: string[] = [];
  const logger = pino({ base: { component: "t" } }, { write: (s: string) => lines.push(s) });
  return { logger, lines };
}

test("a job logger carries jobId; a sub-job carries jobId and parentId, each once", () => {
  const { logger, lines } = capture();
  const job = withJob(logger, "job-1");
  job.info("a");
  withJob(job, "job-2").info("b");
  withJob(logger, "job-3", "job-1").info("c");
  const parsed = lines.map((l) => JSON.parse(l));
  expect(parsed.map((p) => [p.jobId, p.parentId])).toEqual([["job-1", undefined], ["job-2", "job-1"], ["job-3", "job-1"]]);
  for (const l of lines) expect(l.match(/"jobId"/g)).toHaveLength(1);
});
