import { compare, valid } from "@renovatebot/pep440";
import { compareGeneric } from "./generic.ts";

/** Python versions (PEP 440: epochs, pre/post/dev releases, local versions). */
export function comparePep440(a: string, b: string): number {
  if (valid(a) && valid(b)) return Math.sign(compare(a, b));
  return compareGeneric(a, b);
}
