import type { Package } from "../types.ts";
import { type Cataloger, firstField, locationOf, parseHeaderBlock } from "./cataloger.ts";
import { purl } from "./purl.ts";

const DIST_INFO = /\/[^/]+\.dist-info\/METADATA$/;
const EGG_INFO_DIR = /\/[^/]+\.egg-info\/PKG-INFO$/;
const EGG_INFO_FILE = /\/[^/]+\.egg-info$/;

/** PEP 503 normalised name, as PyPI and OSV use it. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** Core metadata (METADATA / PKG-INFO): headers up to the first blank line. */
export function parsePythonMetadata(text: string): { name?: string; version?: string; licenses: string[] } {
  const head = text.split(/\r?\n\r?\n/)[0] ?? "";
  const fields = parseHeaderBlock(head);
  const licenses: string[] = [];
  const expression = firstField(fields, "License-Expression");
  const license = firstField(fields, "License");
  if (expression) licenses.push(expression);
  else if (license && license !== "UNKNOWN" && !license.includes("\n") && license.length < 80) licenses.push(license);
  if (licenses.length === 0) {
    for (const [k, v] of fields) if (k === "Classifier" && v.startsWith("License ::")) licenses.push(v.split("::").pop()!.trim());
  }
  return { name: firstField(fields, "Name"), version: firstField(fields, "Version"), licenses };
}

export const pythonCataloger: Cataloger = {
  name: "python",
  wantsContent: (path) => DIST_INFO.test(path) || EGG_INFO_DIR.test(path) || EGG_INFO_FILE.test(path),
  async catalog({ tree }) {
    const out = new Map<string, Package>();
    for (const [path] of tree.files()) {
      if (!DIST_INFO.test(path) && !EGG_INFO_DIR.test(path) && !EGG_INFO_FILE.test(path)) continue;
      const meta = parsePythonMetadata((await tree.readText(path)) ?? "");
      if (!meta.name || !meta.version) continue;
      const name = normalisePythonName(meta.name);
      const key = `${name}@${meta.version}@${path.replace(/\/[^/]+\/[^/]+$/, "")}`;
      if (out.has(key)) continue;
      out.set(key, { name, version: meta.version, type: "python", purl: purl("pypi", undefined, name, meta.version), locations: [locationOf(tree, path)], licenses: meta.licenses });
    }
    return [...out.values()];
  },
};
