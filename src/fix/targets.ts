/** What the fixed code must run on: Python 3 alone (what 2to3 writes), or Python 2.7 and 3 (what python-modernize writes). */
export type FixTarget = "python3" | "compatible";
export const FIX_TARGETS: readonly FixTarget[] = ["compatible", "python3"];
