import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { launchChromium } from "./browser.ts";
import { operatorClient } from "./gatewayClient.ts";
import { ADMIN, KEY_A, type TestBackend, testBackend } from "./harness.ts";
import { seedCluster } from "./seed.ts";

/**
 * A real browser (Debian chromium via playwright-core) against an in-process backend that
 * received posture and vulnerability reports in the wire shapes, with an operator-like client
 * registered at the master gateway.
 */
const T = 30_000;

describe("dashboard in a real browser", () => {
  let b: TestBackend;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let operator: Awaited<ReturnType<typeof operatorClient>>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    b = await testBackend();
    await seedCluster(b, "prod");
    operator = await operatorClient(b.url, KEY_A, { customerGUID: "acct-a", clusterName: "prod", clusterComponent: "InClusterTriggerHandler" });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
  }, 60_000);
  afterAll(async () => {
    operator?.close();
    await browser?.close();
    await b?.cleanup();
  });

  test("sign-in is required and a wrong password is refused", async () => {
    await page.goto(`${b.url}/`);
    await page.fill("input[name=password]", "wrong password");
    await page.click("button[type=submit]");
    await page.waitForSelector("text=wrong user or password");
    await page.fill("input[name=password]", ADMIN.password);
    await page.click("button[type=submit]");
    await page.waitForSelector(".card h3");
    expect(await page.textContent(".card h3")).toContain("prod");
    expect(await page.textContent(".card")).toContain("v1.34.2");
  }, T);

  test("posture per framework with a trend chart, and control drill-down with fixes", async () => {
    await page.goto(`${b.url}/#/posture`);
    await page.waitForSelector("#framework-picker");
    await page.selectOption("#framework-picker", "NSA");
    await page.waitForFunction(() => document.querySelector("#framework-score")?.closest(".card")?.textContent?.includes("NSA"));
    const score = await page.textContent("#framework-score");
    expect(score).toMatch(/^\d+\.\d%$/);
    expect(await page.locator("svg.chart circle.pt").count()).toBe(30);
    await page.click("text=Immutable container filesystem");
    await page.waitForSelector(".fix");
    expect(await page.textContent("main")).toContain("readOnlyRootFilesystem = true");
    expect(await page.locator("tbody tr").count()).toBe(6);
  }, T);

  test("images and CVEs, filtered by severity and fix", async () => {
    await page.goto(`${b.url}/#/images`);
    await page.waitForSelector("text=CVE-2023-1111");
    await page.selectOption("select[name=severity]", "high");
    await page.click("text=Filter");
    await page.waitForFunction(() => location.hash.includes("severity=high") && document.querySelector("main h2:nth-of-type(2)")?.textContent === "Vulnerabilities (3)");
    expect(await page.textContent("main")).not.toContain("CVE-2023-1111");
    expect(await page.textContent("main")).toContain("CVE-2023-2222");
  }, T);

  test("inventory and jobs timeline", async () => {
    await page.goto(`${b.url}/#/inventory`);
    await page.waitForSelector("text=node-1");
    await page.goto(`${b.url}/#/jobs`);
    await page.waitForSelector("#jobs-tree");
    // The child job is nested under its parent.
    expect(await page.locator("#jobs-tree > li ul.tree .job").first().textContent()).toContain("vuln scan");
  }, T);

  test("live updates: a report arriving while the page is open shows up without a reload", async () => {
    const { postureReportChunks } = await import("./payloads.ts");
    await page.goto(`${b.url}/#/`);
    await page.waitForSelector(".card h3");
    expect(await page.locator(".card h3").count()).toBe(1);
    for (const c of postureReportChunks({ reportGUID: "live-1", cluster: "stage", chunks: 2 })) await b.post("/k8s/v2/postureReport?clusterName=stage", c);
    await page.waitForFunction(() => document.querySelectorAll(".card h3").length === 2, undefined, { timeout: 10_000 });
    expect(await page.locator(".card h3").allTextContents()).toEqual(["prod", "stage"]);
  }, T);

  test("creating a schedule sends setKubescapeCronJob through the master gateway; scan now sends kubescapeScan", async () => {
    const before = operator.received.length;
    await page.goto(`${b.url}/#/schedules`);
    await page.waitForSelector("#schedule-form");
    await page.fill("#schedule-form input[name=name]", "nightly nsa");
    await page.fill("#schedule-form input[name=cron]", "15 2 * * *");
    await page.fill("#schedule-form input[name=target]", "nsa");
    await page.click("#schedule-form button[type=submit]");
    await page.waitForSelector("text=created and sent to prod");
    const msg = (await operator.next(before + 1)) as (typeof operator.received)[number];
    expect(msg.target).toEqual({ customerGUID: "acct-a", clusterName: "prod", clusterComponent: "InClusterTriggerHandler", dest: "trigger" });
    const cmd = msg.notification.commands[0]!;
    expect(cmd.commandName).toBe("setKubescapeCronJob");
    expect(cmd.args.jobParams.cronTabSchedule).toBe("15 2 * * *");
    expect(cmd.args.scanV1.targetNames).toEqual(["nsa"]);
    await page.waitForSelector("text=nightly nsa");

    await page.click("#scan-now-posture");
    await page.waitForSelector("text=Scan started on prod");
    const scan = ((await operator.next(before + 2)) as (typeof operator.received)[number]).notification.commands[0]!;
    expect(scan.commandName).toBe("kubescapeScan");
    expect(scan.wildWlid).toBe("wlid://cluster-prod/");
    expect(pageErrors).toEqual([]);
    if (process.env.KS_SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.KS_SCREENSHOT_DIR}/dashboard-schedules.png` });
  }, T);
});

describe("dashboard from the compiled binary", () => {
  test("`bun build --compile` carries the dashboard and it runs in the browser", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { freePort, waitFor } = await import("../support/ports.ts");
    const { startProcess } = await import("../support/processes.ts");
    const dir = mkdtempSync(join(tmpdir(), "ks-compiled-"));
    const build = Bun.spawnSync([process.execPath, "build", "--compile", "--minify", "--sourcemap=none", "src/main.ts", "--outfile", join(dir, "ks")], { cwd: join(import.meta.dir, "../.."), stderr: "pipe" });
    expect(build.exitCode).toBe(0);
    const port = await freePort();
    const server = startProcess(join(dir, "ks"), ["backend"], join(dir, "log"), { ...process.env, PORT: String(port), BIND_ADDRESS: "127.0.0.1", DATA_DIR: join(dir, "data"), ADMIN_PASSWORD: ADMIN.password, BACKEND_API_KEYS: `acct-a:${KEY_A}` });
    const chromium = await launchChromium();
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitFor("compiled backend", async () => (await fetch(`${url}/readyz`)).ok, 20_000);
      const errors: string[] = [];
      const p = await chromium.context.newPage();
      p.on("pageerror", (e) => errors.push(e.message));
      await p.goto(`${url}/`);
      await p.fill("input[name=password]", ADMIN.password);
      await p.click("button[type=submit]");
      await p.waitForSelector("text=No cluster has reported yet");
      expect(await p.locator("nav a").count()).toBe(6);
      expect(errors).toEqual([]);
    } finally {
      await chromium.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
