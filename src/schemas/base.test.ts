import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, typedText } from "./base";
import { followUpStatusChangeSchema } from "./follow-up";
import { visitReportSchema } from "./visit";

describe("typedText", () => {
  it("refuses NUL, other C0 control characters and DEL with an Indonesian message", () => {
    for (const value of ["a\u0000b", "\u0001", "x\u001by", "\u000b", "\u000c", "a\u007f"]) {
      const result = typedText().safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
    }
  });

  it("keeps tab, line breaks and any printable text, and chains like z.string()", () => {
    for (const value of ["Baris 1\nBaris 2\r\n\tBaris 3", "Ω≈ç 😀 ٣٥١٠", "<script>", "' OR 1=1 --"])
      expect(typedText().safeParse(value).success, JSON.stringify(value)).toBe(true);
    expect(typedText().trim().max(3).safeParse("  abc  ").data).toBe("abc");
    expect(hasControlCharacters("biasa")).toBe(false);
  });

  it("guards the free text of the schemas (a follow-up note, a visit's notes)", () => {
    const note = followUpStatusChangeSchema.safeParse({
      followUpId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      toStatus: "RESOLVED",
      note: "Sudah\u0000 ditangani",
    });
    expect(note.error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    const visit = visitReportSchema.safeParse({ notes: "a\u0000b" });
    expect(visit.error?.issues.find((i) => i.path[0] === "notes")?.message).toBe(CONTROL_CHARACTER_MESSAGE);
  });
});

describe("zod's default messages", () => {
  it("are Indonesian once a schema module is loaded", () => {
    expect(z.number().safeParse("x").error?.issues[0]?.message).toMatch(/^Input tidak valid/);
    expect(z.object({ a: z.boolean() }).safeParse({}).error?.issues[0]?.message).toMatch(/tidak valid/);
  });
});
