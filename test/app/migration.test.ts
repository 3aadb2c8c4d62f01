import nock from "nock";
import { mockConfig, mockFileList, mockState, type FakeFile } from "../helpers/github-fakes.js";
import { patch } from "../helpers/patch.js";
import { api, conversation, examplePayload, mockToken, sent, useTestProbot } from "../helpers/probot.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const LABELS = `/repos/${OWNER}/${REPO}/issues/2/labels`;
const PYPI = "https://pypi.org";

const pyFile = (filename: string, lines: string[]): FakeFile => ({
  filename,
  status: "modified",
  additions: lines.filter((l) => l.startsWith("+")).length,
  deletions: lines.filter((l) => l.startsWith("-")).length,
  patch: patch(lines),
});

const opened = () => ({ id: "m-1", name: "pull_request", payload: examplePayload("pull_request", "opened") }) as any;
const posted = (path: string) => sent.filter((r) => r.method === "POST" && r.path.split("?")[0] === path).map((r) => r.body);
const patched = (prefix: string) => sent.filter((r) => r.method === "PATCH" && r.path.startsWith(prefix)).map((r) => r.body);

const app = useTestProbot();

test("iteritems replaced by items plus an added print statement: migration lines (a comment beside them too), one regression annotated on its line", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "mode: block\n");
  mockFileList(OWNER, REPO, 2, [
    pyFile("app/report.py", [
      "def report(d):",
      '    """Print it the old way:',
      '    print "x"',
      '    """',
      "-    for k, v in d.iteritems():",
      "+    for k, v in d.items():",
      '+        print "x"',
      "+        # print \"x\" in a comment",
      "     return d",
    ]),
  ]);
  mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"] });
  api().post(CHECKS).reply(201, { id: 1 });
  await app.probot.receive(opened());
  const [body] = posted(CHECKS);
  expect(body.conclusion).toBe("failure");
  expect(body.output.title).toBe("XS: 4 lines in 1 file; 1 regression");
  expect(body.output.annotations).toEqual([
    {
      path: "app/report.py",
      start_line: 6,
      end_line: 6,
      annotation_level: "failure",
      title: "python3: print-statement",
      message: expect.stringContaining("print is a function in Python 3"),
    },
  ]);
  expect(body.output.summary).toContain("| Migration | 2 |");
  expect(body.output.summary).toContain("| Regression (brings back what the migration removes) | 1 |");
  expect(body.output.summary).toContain("| Other | 0 |");
  expect(body.output.summary).toContain("| `app/report.py:6` | `print-statement` |");
});

test("an edit that keeps xrange (xrange(n) → xrange(n + 1)) is neither a regression nor migration work: block mode passes", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "mode: block\n");
  mockFileList(OWNER, REPO, 2, [pyFile("app/loop.py", ["def f(n):", "-    for i in xrange(n):", "+    for i in xrange(n + 1):", "         pass"])]);
  mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"] });
  api().post(CHECKS).reply(201, { id: 1 });
  await app.probot.receive(opened());
  const [body] = posted(CHECKS);
  expect(body.conclusion).toBe("success");
  expect(body.output.title).toBe("XS: 2 lines in 1 file");
  expect(body.output.annotations ?? []).toEqual([]);
  expect(body.output.summary).toContain("Kind of work: no migration work");
  expect(body.output.summary).toContain("| Migration | 0 |");
  expect(body.output.summary).toContain("| Regression (brings back what the migration removes) | 0 |");
});

test("in warn mode a regression is annotated as a warning and the check is neutral", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "");
  mockFileList(OWNER, REPO, 2, [pyFile("a.py", ["+import urllib2"])]);
  mockState({ headSha: HEAD, labels: ["size/XS"] });
  api().post(CHECKS).reply(201, { id: 1 });
  await app.probot.receive(opened());
  const [body] = posted(CHECKS);
  expect(body.conclusion).toBe("neutral");
  expect(body.output.annotations[0]).toMatchObject({ annotation_level: "warning", title: "python3: module-urllib2" });
});

test("more than 50 annotations go out 50 per request", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "");
  mockFileList(OWNER, REPO, 2, [pyFile("legacy.py", Array.from({ length: 120 }, (_, i) => `+x${i} = unicode(y)`))]);
  mockState({ headSha: HEAD, labels: ["size/L"] });
  api().post(CHECKS).reply(201, { id: 42 });
  api().patch(`${CHECKS}/42`).times(2).reply(200, { id: 42 });
  await app.probot.receive(opened());
  const batches = [posted(CHECKS)[0], ...patched(`${CHECKS}/42`)].map((b) => b.output.annotations.length);
  expect(batches).toEqual([50, 50, 20]);
  const lines = [posted(CHECKS)[0], ...patched(`${CHECKS}/42`)].flatMap((b) => b.output.annotations.map((a: any) => a.start_line));
  expect(lines).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
});

describe("labels for the kind of work", () => {
  test("a pull request that only removes Python 2 constructs is labelled migration", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, 2, [pyFile("a.py", ["-from __future__ import print_function", "-import six", "-for k in d.iterkeys():", "+for k in d.keys():"])]);
    mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"] });
    api().post(CHECKS).reply(201, { id: 1 });
    api().post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    api().post(LABELS).reply(200, []);
    await app.probot.receive(opened());
    expect(posted(`/repos/${OWNER}/${REPO}/labels`)).toEqual([{ name: "migration", color: "0e8a16", description: "small-steps: only migration work" }]);
    expect(posted(LABELS)).toEqual([{ labels: ["migration"] }]);
    expect(posted(CHECKS)[0].output.summary).toContain("Kind of work: **migration only**");
  });

  test("migration mixed with a new feature is labelled mixed-change, told how to split, and loses the migration label", async () => {
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, 2, [
      pyFile("a.py", ["-for k in d.iterkeys():", "+for k in d.keys():"]),
      pyFile("feature.py", Array.from({ length: 30 }, (_, i) => `+def feature_${i}(): return ${i}`)),
    ]);
    mockState({ headSha: HEAD, labels: ["size/M", "migration", "team-a"], repositoryLabels: ["size/M", "mixed-change", "migration"] });
    api().post(CHECKS).reply(201, { id: 1 });
    api().post(LABELS).reply(200, []);
    api().delete(`${LABELS}/migration`).reply(200, []);
    await app.probot.receive(opened());
    expect(posted(LABELS)).toEqual([{ labels: ["mixed-change"] }]);
    const summary = posted(CHECKS)[0].output.summary;
    expect(summary).toContain("Kind of work: **mixed**");
    expect(summary).toContain("Split it in two: one pull request with only the migration edits (1 line), one with the other changes (30 lines).");
  });
});

describe("No Python 3, no new package", () => {
  const requirements = (before: string, after: string) => ({
    file: { filename: "requirements.txt", status: "modified", additions: 1, deletions: 0, patch: "@@ -1 +1,2 @@\n flask\n+mysql-python" } as FakeFile,
    state: { headSha: HEAD, labels: ["size/XS"], base: { "requirements.txt": before }, head: { "requirements.txt": after } },
  });

  test("adding mysql-python is flagged from PyPI's answer, on its manifest line", async () => {
    const { file, state } = requirements("flask==2.3.2\n", "flask==2.3.2\nmysql-python\n");
    mockToken();
    mockConfig(OWNER, REPO, "mode: block\n");
    mockFileList(OWNER, REPO, 2, [file]);
    const graphql = mockState(state);
    nock(PYPI)
      .get("/pypi/mysql-python/json")
      .reply(200, {
        info: { name: "MySQL-python", version: "1.2.5", requires_python: null, classifiers: ["Programming Language :: C", "Programming Language :: Python", "Topic :: Database"] },
        urls: [{ filename: "MySQL-python-1.2.5.win32-py2.7.exe" }, { filename: "MySQL_python-1.2.5-cp27-none-win32.whl" }, { filename: "MySQL-python-1.2.5.zip" }],
      });
    api().post(CHECKS).reply(201, { id: 1 });
    await app.probot.receive(opened());
    expect(graphql[0].variables).toMatchObject({ mbe0: `f95f852bd8fca8fcc58a9a2d6c842781e32a215e:requirements.txt`, mhe0: `${HEAD}:requirements.txt` });
    const [body] = posted(CHECKS);
    expect(body.conclusion).toBe("failure");
    expect(body.output.title).toContain("1 dependency without Python 3");
    expect(body.output.annotations).toEqual([
      expect.objectContaining({ path: "requirements.txt", start_line: 2, annotation_level: "failure", title: "No Python 3, no new package: mysql-python" }),
    ]);
    expect(body.output.summary).toContain("| `mysql-python` | added | no | `requirements.txt` | publishes Python 2 wheels only |");
  });

  test("a pinned package is looked up by version; an allowed one is not looked up", async () => {
    const { file, state } = requirements("", "Django==4.2.1\nsuds-py3\n");
    mockToken();
    mockConfig(OWNER, REPO, "dependencies:\n  allow: [suds_py3]\n");
    mockFileList(OWNER, REPO, 2, [file]);
    mockState(state);
    nock(PYPI).get("/pypi/Django/4.2.1/json").reply(200, { info: { requires_python: ">=3.8" } });
    api().post(CHECKS).reply(201, { id: 1 });
    await app.probot.receive(opened());
    const [body] = posted(CHECKS);
    expect(body.conclusion).toBe("success");
    expect(body.output.summary).toContain("| `Django` 4.2.1 | added | yes |");
    expect(body.output.summary).toContain("| `suds-py3` | added | yes | `requirements.txt` | allowed in config |");
  });

  test("a release-sized change with the index unreachable: one line at the top, one row per package, one attempt", async () => {
    const names = Array.from({ length: 26 }, (_, i) => `package-${String.fromCharCode(97 + i)}`);
    const manifests: Record<string, string[]> = {
      "requirements.txt": names.slice(0, 12),
      "requirements/dev.txt": names.slice(8, 20), // four of them named twice
      "services/api/requirements.txt": names.slice(18),
    };
    const list: FakeFile[] = Object.entries(manifests).map(([filename, pkgs]) => ({ filename, status: "added", additions: pkgs.length, deletions: 0, patch: `@@ -0,0 +1,${pkgs.length} @@\n${pkgs.map((p) => `+${p}`).join("\n")}` }));
    mockToken();
    mockConfig(OWNER, REPO, "dependencies:\n  maxLookups: 100\n");
    mockFileList(OWNER, REPO, 2, list);
    mockState({ headSha: HEAD, labels: ["size/S"], head: Object.fromEntries(Object.entries(manifests).map(([path, pkgs]) => [path, pkgs.join("\n") + "\n"])) });
    let attempts = 0;
    nock(PYPI)
      .on("request", () => attempts++)
      .get(/\/pypi\/.*\/json/)
      .times(30)
      .optionally()
      .replyWithError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" });
    api().post(CHECKS).reply(201, { id: 1 });
    api().post(LABELS).optionally().reply(200, []);
    api().post(`/repos/${OWNER}/${REPO}/labels`).optionally().reply(201, {});
    api().delete(/labels/).optionally().reply(200, []);
    await app.probot.receive(opened());
    const summary: string = posted(CHECKS)[0].output.summary;
    expect(attempts).toBe(1);
    expect(summary.split("\n")[0]).toBe("**Python 3 support not checked for 26 packages: the package index could not be reached. Not a failure; see the dependencies table.**");
    for (const name of names) expect(summary.match(new RegExp(`\\| \`${name}\` \\|`, "g"))).toHaveLength(1);
    expect(summary).toMatch(/\| `package-i` \| added \| unknown \| `requirements.txt`, `requirements\/dev.txt` \|/);
    expect(summary).not.toContain("(the package index could not be reached");
  });

  test.each([
    ["404", (scope: nock.Interceptor) => scope.reply(404, { message: "Not Found" }), "not found on the package index"],
    ["500", (scope: nock.Interceptor) => scope.reply(500, "oops"), "the package index answered HTTP 500"],
    ["a timeout", (scope: nock.Interceptor) => scope.delay(2000).reply(200, {}), "no answer from the package index within 0.2 s"],
    ["a refused connection", (scope: nock.Interceptor) => scope.replyWithError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }), "could not be reached"],
  ])("PyPI %s is an unknown note, never a failure", async (_name, answer, reason) => {
    const { file, state } = requirements("", "mysterious-package\n");
    mockToken();
    mockConfig(OWNER, REPO, "mode: block\ndependencies:\n  timeoutSeconds: 0.2\n");
    mockFileList(OWNER, REPO, 2, [file]);
    mockState(state);
    answer(nock(PYPI).get("/pypi/mysterious-package/json"));
    api().post(CHECKS).reply(201, { id: 1 });
    await app.probot.receive(opened());
    const [body] = posted(CHECKS);
    expect(body.conclusion).toBe("success");
    expect(body.output.annotations).toEqual([]);
    const summary: string = body.output.summary;
    expect(summary).toMatch(new RegExp(`^\\*\\*Python 3 support not checked for 1 package: [^*\\n]*${reason}[^*\\n]*\\. Not a failure; see the dependencies table\\.\\*\\*`));
    expect(summary).toContain("| `mysterious-package` | added | unknown | `requirements.txt` |");
  });

  test("PYPI_URL points the lookups at a private mirror; answers are cached between events", async () => {
    process.env.PYPI_URL = "https://pypi.internal.example/";
    try {
      for (const id of ["p-1", "p-2"]) {
        const { file, state } = requirements("", "internal-lib\n");
        mockToken();
        mockConfig(OWNER, REPO, "");
        mockFileList(OWNER, REPO, 2, [file]);
        mockState({ ...state, checkRunId: id === "p-2" ? 1 : undefined });
        if (id === "p-1") nock("https://pypi.internal.example").get("/pypi/internal-lib/json").once().reply(200, { info: { requires_python: ">=3.10" } });
        if (id === "p-1") api().post(CHECKS).reply(201, { id: 1 });
        else api().patch(`${CHECKS}/1`).reply(200, { id: 1 });
        await app.probot.receive({ ...opened(), id });
        nock.cleanAll(); // the second event must be answered from the cache: no PyPI mock is left
      }
    } finally {
      delete process.env.PYPI_URL;
    }
    expect(patched(`${CHECKS}/1`)[0].output.summary).toContain("| `internal-lib` | added | yes |");
  });

  test("removed dependencies are reported as progress", async () => {
    const { file, state } = requirements("six\nfutures\nflask\n", "flask\n");
    mockToken();
    mockConfig(OWNER, REPO, "");
    mockFileList(OWNER, REPO, 2, [file]);
    mockState(state);
    api().post(CHECKS).reply(201, { id: 1 });
    await app.probot.receive(opened());
    expect(posted(CHECKS)[0].output.summary).toContain('**Dependencies** ("No Python 3, no new package"): 2 removed, progress');
  });
});

test("schema migrations mixed with application code are flagged; alone they pass", async () => {
  mockToken();
  mockConfig(OWNER, REPO, "mode: block\n");
  mockFileList(OWNER, REPO, 2, [
    { filename: "shop/migrations/0042_add_price.py", status: "added", additions: 20, deletions: 0, patch: "@@ -0,0 +1 @@\n+x = 1" },
    { filename: "shop/views.py", status: "modified", additions: 5, deletions: 0, patch: "@@ -1 +1,2 @@\n a\n+b = 2" },
  ]);
  mockState({ headSha: HEAD, labels: ["size/S"] });
  api().post(CHECKS).reply(201, { id: 1 });
  await app.probot.receive(opened());
  const [body] = posted(CHECKS);
  expect(body.conclusion).toBe("failure");
  expect(body.output.title).toBe("S: 25 lines in 2 files; schema migrations mixed with code");
  expect(body.output.summary).toContain("Schema migrations ship alone: move `shop/migrations/0042_add_price.py` into a pull request of their own");
});

test("a regression whose guard is above the hunk's context is judged with the whole file, read in the state query, and cleared", async () => {
  const whole = ["import six", "", "if six.PY2:", "    a = 1", "    b = 2", "    c = 3", "    d = 4", "    text = unicode(x)", ""].join("\n");
  mockToken();
  mockConfig(OWNER, REPO, "mode: block\n");
  mockFileList(OWNER, REPO, 2, [{ filename: "app/compat.py", status: "modified", additions: 1, deletions: 0, patch: patch(["    c = 3", "    d = 4", "+    text = unicode(x)", ""], 6) }]);
  const graphql = mockState({ headSha: HEAD, labels: ["size/XS"], head: { "app/compat.py": whole } });
  api().post(CHECKS).reply(201, { id: 1 });
  api().post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
  api().post(LABELS).reply(200, []);
  await app.probot.receive(opened());
  expect(graphql).toHaveLength(1);
  expect(graphql[0].variables).toMatchObject({ he0: `${HEAD}:app/compat.py` });
  const [body] = posted(CHECKS);
  expect(body.conclusion).toBe("success");
  expect(body.output.annotations).toEqual([]);
  expect(posted(LABELS)).toEqual([{ labels: ["migration"] }]);
});

test("a hunk that starts on a module docstring's closing quotes: the import below is judged as code, in the same calls", async () => {
  const head = ['"""Fetch pages.', "", "The module's long documentation.", '"""', "import os", "import urlparse", "", "x = 1", ""].join("\n");
  mockToken();
  mockConfig(OWNER, REPO, "mode: block\n");
  mockFileList(OWNER, REPO, 2, [{ filename: "fetch.py", status: "modified", additions: 1, deletions: 0, patch: patch(['"""', "import os", "+import urlparse", ""], 4) }]);
  const graphql = mockState({ headSha: HEAD, labels: ["size/XS"], repositoryLabels: ["size/XS"], head: { "fetch.py": head } });
  api().post(CHECKS).reply(201, { id: 1 });
  await app.probot.receive(opened());
  expect(conversation()).toEqual([
    "POST /app/installations/4242/access_tokens",
    `GET /repos/${OWNER}/${REPO}/contents/.github/small-steps.yml`,
    `GET /repos/${OWNER}/${REPO}/pulls/2/files`,
    "POST /graphql",
    `POST ${CHECKS}`,
  ]);
  expect(graphql[0].variables).toMatchObject({ he0: `${HEAD}:fetch.py` });
  const [body] = posted(CHECKS);
  expect(body.conclusion).toBe("failure");
  expect(body.output.annotations).toEqual([expect.objectContaining({ path: "fetch.py", start_line: 6, title: "python3: module-urlparse" })]);
  expect(body.output.summary).not.toContain("Judged from hunks only");
});
