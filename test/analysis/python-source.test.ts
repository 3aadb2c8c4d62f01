import { stripHunkSide, stripLines } from "../../src/analysis/python/source.js";

// What every rule reads: a line reduced to its code, strings emptied and comments dropped.
const codes = (lines: string[], quote = "") => stripLines(lines, { quote }).map((l) => l.code);

describe("a line reduced to its code", () => {
  test.each<[string, string]>([
    ["x = 1", "x = 1"],
    ["x = 'a'  # note", 'x = ""  '],
    ['x = "a # not a comment"', 'x = ""'],
    ["x = u'a' + b'c' + ur'd'", 'x = u"" + b"" + ur""'],
    ["x = 'it\\'s' + y", 'x = "" + y'],
    ['x = "\\\\" + y', 'x = "" + y'],
    ['x = "a\\\\\\"b" + y', 'x = "" + y'],
    ['x = """a""" + y', 'x = "" + y'],
    ["x = '''a''' + '''b'''", 'x = "" + ""'],
    ['x = "a" "b"', 'x = "" ""'],
    ['x = "\'" + y', 'x = "" + y'],
    ["# only a comment", ""],
    ["print 'x' # comment 'with quotes'", 'print "" '],
    ["d['#'] = 1", 'd[""] = 1'],
  ])("%s → %s", (line, code) => expect(codes([line])).toEqual([code]));

  test("a triple-quoted string carries over lines; the line after it is code again", () => {
    const lines = ['x = """start', "print 'inside'", 'end""" + y', "print 'after'"];
    expect(stripLines(lines)).toEqual([
      { code: 'x = "', startedInString: false },
      { code: "", startedInString: true },
      { code: '" + y', startedInString: true },
      { code: 'print ""', startedInString: false },
    ]);
  });

  test("a single-quoted string ends with its line, unless a backslash continues it", () => {
    expect(codes(["x = 'open", "print 'y'"])).toEqual(['x = ""', 'print ""']);
    expect(codes(["x = 'open \\", "still', y"])).toEqual(['x = "', '", y']);
  });

  test("inside a string from the start: the line is string until its closing delimiter", () => {
    expect(codes(["still inside''' + x", "x = 1"], "'''")).toEqual(['" + x', "x = 1"]);
    expect(codes(['no close here', 'x'], '"""')).toEqual(["", ""]);
    expect(codes(['escaped \\""" still """ + x'], '"""')).toEqual(['" + x']);
    expect(codes(['ends with \\\\""" + x'], '"""')).toEqual(['" + x']);
  });
});

describe("a hunk that may begin inside a docstring", () => {
  test("the reading that leaves the least prose outside strings wins", () => {
    const hunk = ["    Returns the value of the thing", '    """', "    return value"];
    expect(stripHunkSide(hunk).map((l) => l.startedInString)).toEqual([true, true, false]);
    expect(stripHunkSide(["    x = 1", "    '''", "    doc text of the function here", "    '''"]).map((l) => l.code.trim())).toEqual(["x = 1", '"', "", '"']);
  });

  test("single quotes opening the docstring are tried as well as double", () => {
    // Read from inside a """ string the last line would be prose; from inside a ''' one nothing is.
    const hunk = ["    Returns the value of the thing", "    '''", '    and """ starts', "    more text of prose here"];
    expect(stripHunkSide(hunk).map((l) => l.startedInString)).toEqual([true, true, false, true]);
  });

  test("at the top of the file, or without a triple quote, the hunk starts outside any string", () => {
    const hunk = ["    Returns the value of the thing", '    """', "    return value"];
    expect(stripHunkSide(hunk, true).map((l) => l.startedInString)).toEqual([false, false, true]);
    expect(stripHunkSide(["Returns the value of the thing", "return value"]).map((l) => l.startedInString)).toEqual([false, false]);
  });

  test("three words are prose", () => {
    expect(stripHunkSide(["the value here", '"""', "y"]).map((l) => l.startedInString)).toEqual([true, true, false]);
  });

  test("on a tie, outside; code punctuation, keywords, short lines and lines not starting with a letter are not prose", () => {
    for (const line of ["x = value of it", "return the value here", "a b", "a  b", "1 2 3 4", "1 2 three", "call(the value here)", "print the value here", "value: of the thing"]) {
      expect(stripHunkSide([line, '"""', "y"]).map((l) => l.startedInString)).toEqual([false, false, true]);
    }
  });
});
