/**
 * Two paths in code-unit order, as git lists them: the same on every machine, where `localeCompare` follows the
 * locale and its first call in a process loads ICU's collation (a fixed cost on every command-line run). Reports break
 * ties with it, and the scan lists its files by it.
 */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
