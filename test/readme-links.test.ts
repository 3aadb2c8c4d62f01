import { existsSync, readFileSync } from "node:fs";

/** The README is a manual that sends reference material to docs/: every page it links to exists. */
test("every relative link in the README points to a file of the repository", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1].split("#")[0]);
  expect(links.length).toBeGreaterThan(0);
  expect(links.filter((link) => !existsSync(new URL(`../${link}`, import.meta.url)))).toEqual([]);
});
