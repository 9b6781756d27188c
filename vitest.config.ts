import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Installs (as root on CI) or demands Chromium and xmllint before any test runs.
    globalSetup: ["test/helpers/ensure-chromium.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machine: each worker may drive a Chromium, so two at most.
    pool: "forks",
    maxWorkers: 2,
    // The default reporter ends with "Tests  X passed | Y failed (Z)", which .ci/run parses.
    reporters: ["default"],
  },
});
