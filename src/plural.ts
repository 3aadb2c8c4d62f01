/**
 * A number as the reports print it: 1,234. Whole numbers are grouped here, as toLocaleString("en-US") groups them:
 * its first call loads ICU's locale data, a tenth of a small `small-steps check`; other numbers still go through it.
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString("en-US");
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

/** Plurals that are not "+s"; everything the app or the command line counts is here or regular. */
const IRREGULAR: Record<string, string> = { dependency: "dependencies", entry: "entries", "more batch": "more batches", batch: "batches", this: "these", is: "are", was: "were", "suggested fix": "suggested fixes", fix: "fixes" };

/** The noun for a count: "1 line", "2 lines", "1 dependency", "3 dependencies". */
export function noun(value: number, singular: string): string {
  return value === 1 ? singular : (IRREGULAR[singular] ?? `${singular}s`);
}

/** A count with its noun in the right number, for every count a person reads: never "1 lines", never "line(s)". */
export function count(value: number, singular: string): string {
  return `${formatCount(value)} ${noun(value, singular)}`;
}
