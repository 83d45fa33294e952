import { describe, expect, test } from "bun:test";
import { openStore } from "../../src/backend/store/open.ts";
import { type RunningPostgres, startPostgres } from "./postgres.ts";
import { defineStoreSuite } from "./storeSuite.ts";

describe("store on a real PostgreSQL server", () => {
  let pg: RunningPostgres | undefined;
  defineStoreSuite(
    async () => {
      pg = await startPostgres();
      return openStore({ databaseUrl: pg.url, dataDir: "unused" });
    },
    async () => pg?.stop(),
  );
});

describe("backend on PostgreSQL", () => {
  test("concurrent, shuffled, duplicated chunks assemble once and the API reads them back", async () => {
    const { testBackend, KEY_B } = await import("./harness.ts");
    const { postureReportChunks, containerScanChunks } = await import("./payloads.ts");
    const pg = await startPostgres();
    const b = await testBackend({ databaseUrl: pg.url });
    try {
      expect(b.store.dialect).toBe("postgres");
      const chunks = postureReportChunks({ reportGUID: "pg-1", cluster: "prod", resources: 60, chunks: 6 });
      const burst = [...chunks, ...chunks.slice(0, 3), ...chunks].sort((x, y) => JSON.stringify(y).length - JSON.stringify(x).length);
      const answers = await Promise.all(burst.map((c) => b.post("/k8s/v2/postureReport?clusterName=prod", c).then((r) => r.json())));
      expect(answers.filter((a) => a.status === "complete")).toHaveLength(1);
      for (const c of containerScanChunks({ scanId: "pg-scan", cluster: "prod" })) await b.post("/k8s/v2/containerScan", c);
      const controls = await (await b.get("/api/v1/controls?cluster=prod")).json();
      expect(controls[0]).toMatchObject({ controlId: "C-0017", failedResources: 30 });
      expect((await (await b.get("/api/v1/vulnerabilities?severity=critical")).json()).map((v: { cve: string }) => v.cve)).toEqual(["CVE-2023-1111"]);
      expect(await (await b.get("/api/v1/vulnerabilities", KEY_B)).json()).toEqual([]);
      expect((await b.get("/api/v1/clusters", null)).status).toBe(401);
    } finally {
      await b.cleanup();
      await pg.stop();
    }
  }, 60_000);
});
