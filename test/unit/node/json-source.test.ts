import { describe, expect, it } from "vitest";
import { parseJsonSource, pathToPointer, pointerToPath } from "../../../src/node/load/json-source.js";

describe("parseJsonSource", () => {
  it("maps a JSON pointer to the line and column of its value", () => {
    const text = '{\n  "a": 1,\n  "list": [\n    { "b": "x" }\n  ]\n}';
    const { source, diagnostics } = parseJsonSource("f.json", text);
    expect(diagnostics).toEqual([]);
    expect(source!.locate("/list/0/b")).toEqual({ line: 4, column: 12 });
    expect(source!.locateKey("/list/0/b")).toEqual({ line: 4, column: 7 });
    // A pointer to something missing lands on its nearest existing parent.
    expect(source!.locate("/list/0/missing")).toEqual({ line: 4, column: 5 });
  });

  it("reports a syntax error with its line and column and returns no value", () => {
    const { source, diagnostics } = parseJsonSource("f.json", '{\n  "a": 1\n  "b": 2\n}');
    expect(source).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: "INVALID_JSON", loc: { line: 3, column: 3 } });
    expect(diagnostics[0]!.message).toContain("comma");
  });

  it("rejects comments and trailing commas, which JSON does not allow", () => {
    expect(parseJsonSource("f.json", '{ "a": 1, }').diagnostics[0]!.code).toBe("INVALID_JSON");
    expect(parseJsonSource("f.json", '{ // note\n "a": 1 }').diagnostics[0]!.code).toBe("INVALID_JSON");
  });

  it("reports a duplicate key at the second occurrence", () => {
    const { diagnostics } = parseJsonSource("f.json", '{\n  "a": 1,\n  "a": 2\n}');
    expect(diagnostics).toMatchObject([{ code: "DUPLICATE_KEY", pointer: "/a", loc: { line: 3, column: 3 } }]);
  });

  it("accepts a byte order mark and CRLF line ends", () => {
    const { source, diagnostics } = parseJsonSource("f.json", '\uFEFF{\r\n  "a": "x"\r\n}');
    expect(diagnostics).toEqual([]);
    expect(source!.value).toEqual({ a: "x" });
    expect(source!.locate("/a")).toEqual({ line: 2, column: 8 });
  });

  it("round-trips pointers with escaped characters", () => {
    expect(pointerToPath("/a~1b/0/c~0d")).toEqual(["a/b", 0, "c~d"]);
    expect(pathToPointer(["a/b", 0, "c~d"])).toBe("/a~1b/0/c~0d");
  });
});
