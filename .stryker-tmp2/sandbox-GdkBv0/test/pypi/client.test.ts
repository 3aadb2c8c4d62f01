// @ts-nocheck
import nock from "nock";
import type { DependencyChange } from "../../src/analysis/dependencies/changes.js";
import { clearPyPICache, resolvePython3Support } from "../../src/pypi/client.js";

const PYPI = "https://pypi.test";
const options = { baseUrl: PYPI, timeoutMs: 200, maxLookups: 10, allow: [] };
const added = (name: string, manifest = "requirements.txt"): DependencyChange => ({ name, key: name, change: "added", manifest, line: 1, python3: "unknown" });
const python3 = { info: { requires_python: ">=3.8" } };

beforeEach(() => {
  nock.disableNetConnect();
  clearPyPICache();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe("the package index's answers and outages", () => {
  test.each([
    ["a 500", (scope: nock.Interceptor) => scope.reply(500, "oops")],
    ["a 503", (scope: nock.Interceptor) => scope.reply(503, "busy")],
    ["a timeout", (scope: nock.Interceptor) => scope.delay(1000).reply(200, python3)],
  ])("%s is not cached: the next event asks again and gets the answer", async (_name, outage) => {
    outage(nock(PYPI).get("/pypi/requests/json"));
    const [first] = await resolvePython3Support([added("requests")], options);
    expect(first.python3).toBe("unknown");
    nock(PYPI).get("/pypi/requests/json").reply(200, python3);
    const [second] = await resolvePython3Support([added("requests")], options);
    expect(second).toMatchObject({ python3: "yes" });
  });

  test("a real answer is cached: the next event does not ask", async () => {
    nock(PYPI).get("/pypi/requests/json").once().reply(200, python3);
    await resolvePython3Support([added("requests")], options);
    const [again] = await resolvePython3Support([added("requests")], options);
    expect(again.python3).toBe("yes"); // no second mock: a second request would not be matched
  });

  test("after the index refuses a connection, nothing more is asked in that event", async () => {
    let attempts = 0;
    nock(PYPI).on("request", () => attempts++).get(/\/pypi\/.*\/json/).times(5).optionally().replyWithError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" });
    const resolved = await resolvePython3Support(["a", "b", "c", "d"].map((n) => added(n)), options);
    expect(attempts).toBe(1);
    expect(resolved.map((d) => d.reason)).toEqual(Array(4).fill(expect.stringMatching(/^the package index could not be reached/)));
  });

  test("the same package in several manifests is asked once", async () => {
    nock(PYPI).get("/pypi/flask/json").once().reply(200, python3);
    const resolved = await resolvePython3Support([added("flask"), added("flask", "requirements/dev.txt")], options);
    expect(resolved.map((d) => d.python3)).toEqual(["yes", "yes"]);
  });
});
