import { defineConfig } from "vitest/config";

// Browser tests: the built app (dist/) served locally, driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
