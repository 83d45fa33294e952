import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFlags, parseHeaders, requestUrl } from "../../src/httprequest/flags.ts";
import { run } from "../../src/httprequest/main.ts";
import { freePort } from "../support/ports.ts";

describe("http-request flags", () => {
  test("the chart's CronJob args parse to POST http://operator:4002/v1/triggerAction", () => {
    const f = parseFlags(["-method=post", "-scheme=http", "-host=operator:4002", "-path=v1/triggerAction", '-headers="Content-Type:application/json"', "-path-body=/home/ks/request-body.json", "-skip-ssl-verify=true"]);
    expect(f.method).toBe("POST");
    expect(requestUrl(f)).toBe("http://operator:4002/v1/triggerAction");
    expect(f.headers).toEqual({ "Content-Type": "application/json" });
    expect(f.pathBody).toBe("/home/ks/request-body.json");
    expect(f.skipSslVerify).toBe(true);
  });
  test("double dashes, separate values and bare booleans", () => {
    const f = parseFlags(["--method", "GET", "--host=h:1", "--path", "/x", "-skip-ssl-verify"]);
    expect(f).toMatchObject({ method: "GET", host: "h:1", skipSslVerify: true });
    expect(requestUrl(f)).toBe("http://h:1/x");
  });
  test("several headers, values with colons", () => {
    expect(parseHeaders("A:1;B:http://x:2")).toEqual({ A: "1", B: "http://x:2" });
  });
  test("bad flags are refused with the flag's name", () => {
    expect(() => parseFlags(["-host=h"])).toThrow("-method");
    expect(() => parseFlags(["-method=POST"])).toThrow("-host");
    expect(() => parseFlags(["-method=POST", "-host=h", "-bogus=1"])).toThrow("-bogus");
    expect(() => parseFlags(["-method=POST", "-host=h", "-headers=nocolon"])).toThrow("-headers");
  });
});

describe("http-request run", () => {
  const dir = mkdtempSync(join(tmpdir(), "http-request-"));
  const seen: Array<{ method: string; path: string; type: string | null; body: string }> = [];
  let status = 200;
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(req) {
      seen.push({ method: req.method, path: new URL(req.url).pathname, type: req.headers.get("content-type"), body: await req.text() });
      return new Response(status === 200 ? "ok" : "nope", { status });
    },
  });
  afterAll(() => server.stop(true));

  test("sends the file's bytes verbatim, writes the reply to -path-output, exits 0 on 2xx", async () => {
    const bodyFile = join(dir, "request-body.json");
    const raw = '{"commands":[{"CommandName":"kubescapeScan"}]}\n';
    writeFileSync(bodyFile, raw);
    const out = join(dir, "out.txt");
    const code = await run(["-method=POST", `-host=127.0.0.1:${server.port}`, "-path=v1/triggerAction", "-headers=Content-Type:application/json", `-path-body=${bodyFile}`, `-path-output=${out}`]);
    expect(code).toBe(0);
    expect(seen.at(-1)).toEqual({ method: "POST", path: "/v1/triggerAction", type: "application/json", body: raw });
    expect(readFileSync(out, "utf8")).toBe("ok");
  });

  test("non-2xx → exit 1", async () => {
    status = 500;
    const code = await run(["-method=GET", `-host=127.0.0.1:${server.port}`, "-path=x", `-path-output=${join(dir, "o2")}`]);
    status = 200;
    expect(code).toBe(1);
  });

  test("connection refused: bounded retries, then exit 1", async () => {
    const port = await freePort();
    const t0 = performance.now();
    const code = await run(["-method=GET", `-host=127.0.0.1:${port}`, "-attempts=2"]);
    expect(code).toBe(1);
    expect(performance.now() - t0).toBeGreaterThan(900); // one 1 s pause between the two attempts
  });

  test("bad flags → exit 2", async () => {
    expect(await run(["-method=FETCH", "-host=x"])).toBe(2);
  });
});
