import { existsSync, readdirSync, readFileSync } from "node:fs";

/** The README is a manual that sends reference material to docs/: every page it links to exists, and so does every file a docs page links to. */
const pages = ["README.md", ...readdirSync(new URL("../docs/", import.meta.url)).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

test.each(pages)("every relative link in %s points to a file of the repository", (page) => {
  const text = readFileSync(new URL(`../${page}`, import.meta.url), "utf8");
  const base = new URL(`../${page}`, import.meta.url);
  const links = [...text.matchAll(/\]\(((?!https?:|#|mailto:)[^)\s]+)\)/g)].map((m) => m[1].split("#")[0]);
  expect(links.filter((link) => !existsSync(new URL(link, base)))).toEqual([]);
});

test("the README is a manual: under 400 lines", () => {
  expect(readFileSync(new URL("../README.md", import.meta.url), "utf8").split("\n").length).toBeLessThan(400);
});
