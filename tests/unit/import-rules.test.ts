import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The one-way import rule (docs/decisions/001) is enforced by ESLint; this proves the rule fires.
// import/no-cycle needs files on disk; the snippets below are virtual, so it is off here.
const eslint = new ESLint({ overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "");
}

describe("import boundaries", () => {
  // Loading the ESLint config and its plugins takes seconds on a busy machine (5.4 s in one CI
  // run): done once here, so the tests' own time limit measures only the linting they check.
  beforeAll(async () => {
    await eslint.lintText("export {};\n", { filePath: "src/lib/warm-up.ts" });
  }, 60_000);

  it("forbids lib from importing the data-access layer", async () => {
    const ids = await ruleIdsFor(
      "src/lib/bad.ts",
      'import { db } from "@/server/db";\nexport const x = db;\n',
    );
    expect(ids).toContain("import/no-restricted-paths");
  });

  it("forbids features and routes from talking to Prisma directly", async () => {
    const ids = await ruleIdsFor(
      "src/features/families/bad.ts",
      'import { PrismaClient } from "@/generated/prisma/client";\nexport const c = PrismaClient;\n',
    );
    expect(ids).toContain("no-restricted-imports");
  });

  it("forbids the data-access layer from importing features", async () => {
    const ids = await ruleIdsFor(
      "src/server/bad.ts",
      'import { FamilyList } from "@/features/families/family-list";\nexport const f = FamilyList;\n',
    );
    expect(ids).toContain("import/no-restricted-paths");
  });

  it("allows the intended direction", async () => {
    const ids = await ruleIdsFor(
      "src/features/families/good.ts",
      'import { formatCount } from "@/lib/format";\nexport const f = formatCount;\n',
    );
    expect(ids.filter((id) => id.startsWith("import/") || id === "no-restricted-imports")).toEqual([]);
  });
});
