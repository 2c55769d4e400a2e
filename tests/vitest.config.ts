import path from "node:path"
import { defineConfig } from "vitest/config"

const root = path.resolve(__dirname, "..")

export default defineConfig({
  test: {
    root,
    // Medusa is a separate process per suite run; test files talk to it over real HTTP.
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
    teardownTimeout: 120_000,
    reporters: ["default", path.join(__dirname, "setup/summary-reporter.ts")],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "stack",
          include: ["tests/integration/**/*.test.ts", "tests/browser/**/*.test.ts"],
          // One backend (and database) for every file in this project.
          globalSetup: [path.join(__dirname, "setup/global-setup.ts")],
        },
      },
      {
        extends: true,
        // Starts the platform the way a person does (`npm start`), with its own database.
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"] },
      },
    ],
  },
})
