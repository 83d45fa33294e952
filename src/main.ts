#!/usr/bin/env bun
import { components } from "./components.ts";
import { ConfigError, errorMessage } from "./common/errors.ts";
import { VERSION } from "./common/version.ts";

function usage(): string {
  const width = Math.max(...components.map((c) => c.name.length), 8);
  const lines = components.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `ks ${VERSION}: Kubescape-compatible in-cluster security platform`,
    "",
    "usage: ks <component> [flags]",
    "",
    "components:",
    ...lines,
    `  ${"version".padEnd(width)}  print the version`,
    "",
    "Run `ks <component> --help` for a component's flags.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === "version" || name === "--version") {
    console.log(VERSION);
    return 0;
  }
  const entry = components.find((c) => c.name === name);
  if (!entry) {
    console.error(`ks: unknown component "${name}"; known: ${components.map((c) => c.name).join(", ")}, version`);
    return 2;
  }
  const mod = await entry.load();
  const code = await mod.run(rest);
  return typeof code === "number" ? code : -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a long-running service; it exits on its own signal handling.
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      console.error(`ks: configuration error: ${err.message}`);
      process.exit(2);
    }
    console.error(`ks: ${errorMessage(err)}`);
    process.exit(1);
  },
);
