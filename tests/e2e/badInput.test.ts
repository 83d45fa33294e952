import { expect, test } from "bun:test";
import { generateBadRequests } from "./badInput.ts";

test("generates malformed, missing-field, wrong-type, oversized and bad-query requests from an OpenAPI document", () => {
  const doc = {
    paths: {
      "/v1/scan": {
        post: {
          parameters: [{ in: "query", name: "wait", schema: { type: "boolean" } }],
          requestBody: { content: { "application/json": { schema: { type: "object", required: ["targetType"], properties: { targetType: { type: "string", enum: ["framework"] }, keep: { type: "boolean" }, names: { type: "array" } } } } } },
        },
      },
      "/v1/status": { get: { parameters: [{ in: "query", name: "id", schema: { type: "string" } }] } },
    },
  };
  const reqs = generateBadRequests(doc, 1024);
  const kinds = reqs.map((r) => `${r.kind}:${r.description}`);
  expect(kinds).toContain("missing-required:without targetType");
  expect(kinds).toContain('wrong-type:targetType="__not_in_enum__"');
  expect(kinds).toContain('wrong-type:keep={"not":"a boolean"}');
  expect(kinds).toContain("wrong-type:names=42");
  expect(kinds).toContain("malformed:truncated JSON");
  expect(kinds).toContain("oversized:1024 bytes");
  expect(kinds).toContain("wrong-query-type:query wait=not-a-boolean");
  expect(kinds.filter((k) => k.includes("/v1/status"))).toEqual([]);
});
