// @ts-nocheck
import { mentionsSomeone, parseCommand } from "../../src/commands/parse.js";

describe("parseCommand", () => {
  test.each([
    ["/small-steps recheck", { name: "recheck", argument: "" }],
    ["/small-steps", { name: "help", argument: "" }],
    ["/SMALL-STEPS Explain", { name: "explain", argument: "" }],
    ["Thanks!\n/small-steps accept big mechanical rename  \nmore text", { name: "accept", argument: "big mechanical rename" }],
    ["/small-steps split please", { name: "split", argument: "please" }],
    ["/small-steps frobnicate", { name: "help", argument: "", unknown: "frobnicate" }],
    ["  /small-steps revoke", { name: "revoke", argument: "" }],
  ])("%j", (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  test.each([["please run /small-steps recheck"], ["> /small-steps accept quoted"], ["```\n/small-steps accept in code\n```"], [""], [null]])("no command in %j", (body) => {
    expect(parseCommand(body)).toBeUndefined();
  });

  test("a mention works once the app's slug is known", () => {
    expect(parseCommand("@small-steps-app recheck")).toBeUndefined();
    expect(parseCommand("@small-steps-app recheck", "small-steps-app")).toEqual({ name: "recheck", argument: "" });
    expect(parseCommand("@Small-Steps-App[bot] accept ok", "small-steps-app")).toEqual({ name: "accept", argument: "ok" });
    expect(parseCommand("@someone-else recheck", "small-steps-app")).toBeUndefined();
    expect(mentionsSomeone("@small-steps-app recheck")).toBe(true);
    expect(mentionsSomeone("hello @x")).toBe(false);
  });
});
