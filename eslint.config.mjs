import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// One-way imports (docs/decisions/001): schemas, lib, components ← server ← features ← app
// (and src/pages, which holds only the POST /api/visits route: docs/decisions/017).
// `import/no-restricted-paths` forbids the reverse directions; features do not import each other
// except through their public files, and only src/server may import Prisma.
const layers = {
  target: "./src/lib",
  from: ["./src/server", "./src/features", "./src/app", "./src/pages", "./src/components"],
  message: "src/lib is universal: it must not import server, features, app or components.",
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "src/generated/**",
      "tools/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "import/no-cycle": "error",
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            layers,
            {
              target: "./src/schemas",
              from: ["./src/server", "./src/features", "./src/app", "./src/pages", "./src/components"],
              message: "Schemas are shared by forms and actions: no server, feature or app imports.",
            },
            {
              target: "./src/components",
              from: ["./src/server", "./src/features", "./src/app", "./src/pages"],
              message: "Shared UI primitives must not depend on server, features or routes.",
            },
            {
              target: "./src/server",
              from: ["./src/features", "./src/app", "./src/pages"],
              message: "The data-access layer must not import features or routes.",
            },
            {
              target: "./src/features",
              from: ["./src/app", "./src/pages"],
              message: "Features must not import routes.",
            },
          ],
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/prisma", "@/generated/prisma/*", "@prisma/*", "pg"],
              message: "Only src/server (the data-access layer) talks to the database.",
            },
          ],
          paths: [
            {
              name: "next/link",
              message: "Use Link from @/components/ui/link: links do not prefetch (docs/decisions/018).",
            },
          ],
        },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["src/server/**/*.ts", "src/components/ui/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
