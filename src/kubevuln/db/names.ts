/** How package names are keyed per ecosystem, so lookups match regardless of spelling. */
export function ecosystemFamily(ecosystem: string): string {
  const i = ecosystem.indexOf(":");
  return i >= 0 ? ecosystem.slice(0, i) : ecosystem;
}

export function normalisePackageName(ecosystem: string, name: string): string {
  switch (ecosystemFamily(ecosystem)) {
    case "PyPI":
      // PEP 503 normalisation.
      return name.toLowerCase().replace(/[-_.]+/g, "-");
    case "npm":
    case "Packagist":
    case "RubyGems":
    case "Maven":
      return name.toLowerCase();
    default:
      return name;
  }
}
