import type { Package } from "../types.ts";
import { type Cataloger, locationOf } from "./cataloger.ts";
import { purl } from "./purl.ts";

const GEMSPEC = /\/specifications\/[^/]+\.gemspec$/;

function rubyString(text: string, key: string): string | undefined {
  const m = new RegExp(`\\.${key}\\s*=\\s*["']([^"']+)["']`).exec(text);
  return m?.[1];
}

/** Installed gem specifications (`specifications/NAME-VERSION.gemspec`, written by RubyGems). */
export function parseGemspec(text: string): { name?: string; version?: string; licenses: string[] } {
  const licenses: string[] = [];
  const list = /\.licenses\s*=\s*\[([^\]]*)\]/.exec(text);
  if (list) for (const m of list[1]!.matchAll(/["']([^"']+)["']/g)) licenses.push(m[1]!);
  const single = rubyString(text, "license");
  if (single && licenses.length === 0) licenses.push(single);
  const version = /\.version\s*=\s*(?:Gem::Version\.new\()?\s*["']([^"']+)["']/.exec(text)?.[1];
  return { name: rubyString(text, "name"), version, licenses };
}

export const rubyCataloger: Cataloger = {
  name: "ruby-gem",
  wantsContent: (path) => GEMSPEC.test(path),
  async catalog({ tree }) {
    const packages: Package[] = [];
    for (const [path] of tree.files()) {
      if (!GEMSPEC.test(path)) continue;
      const spec = parseGemspec((await tree.readText(path)) ?? "");
      if (!spec.name || !spec.version) continue;
      packages.push({ name: spec.name, version: spec.version, type: "gem", purl: purl("gem", undefined, spec.name, spec.version), locations: [locationOf(tree, path)], licenses: spec.licenses });
    }
    return packages;
  },
};
