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

describe("answers an outsider controls stay per package and bounded", () => {
  test("one package's invalid JSON is that package's unknown; the others are still asked", async () => {
    nock(PYPI).get("/pypi/broken/json").reply(200, "{not json", { "content-type": "application/json" });
    nock(PYPI).get("/pypi/requests/json").reply(200, python3);
    const [broken, requests] = await resolvePython3Support([added("broken"), added("requests")], options);
    expect(broken).toMatchObject({ python3: "unknown", reason: "the package index answered with something that is not JSON" });
    expect(requests.python3).toBe("yes");
  });

  test("an answer past the cap (counted after decompression) is not read whole", async () => {
    const { gzipSync } = await import("node:zlib");
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, " ")); // 20 MB of spaces, about 20 KB compressed
    nock(PYPI).get("/pypi/bomb/json").reply(200, bomb, { "content-encoding": "gzip", "content-type": "application/json" });
    const [result] = await resolvePython3Support([added("bomb")], { ...options, timeoutMs: 5000 });
    expect(result).toMatchObject({ python3: "unknown", reason: "the package index's answer is larger than 8 MB" });
  });

  test("a redirect is followed on the same host only", async () => {
    nock(PYPI).get("/pypi/Flask/json").reply(301, "", { location: "/pypi/flask/json" });
    nock(PYPI).get("/pypi/flask/json").reply(200, python3);
    nock(PYPI).get("/pypi/evil/json").reply(302, "", { location: "https://attacker.test/pypi/evil/json" });
    const [flask, evil] = await resolvePython3Support([added("Flask"), added("evil")], options);
    expect(flask.python3).toBe("yes");
    expect(evil).toMatchObject({ python3: "unknown", reason: "the package index redirected to another host, which is not followed" });
  });
});
