/** A number as the reports print it: 1,234. */
export const formatCount = (value: number): string => value.toLocaleString("en-US");

/** Plurals that are not "+s"; everything the app or the command line counts is here or regular. */
const IRREGULAR: Record<string, string> = { dependency: "dependencies", "more batch": "more batches", batch: "batches", this: "these", is: "are", was: "were" };

/** The noun for a count: "1 line", "2 lines", "1 dependency", "3 dependencies". */
export function noun(value: number, singular: string): string {
  return value === 1 ? singular : (IRREGULAR[singular] ?? `${singular}s`);
}

/** A count with its noun in the right number, for every count a person reads: never "1 lines", never "line(s)". */
export function count(value: number, singular: string): string {
  return `${formatCount(value)} ${noun(value, singular)}`;
}
