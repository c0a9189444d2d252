/** Serve the built app for the browser tests; `npm run test:e2e` builds it first. */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { serveDir } from "./static-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // CZD_E2E_DIST points at another build folder (e.g. a preview build); dist/ by default.
  const dir = process.env.CZD_E2E_DIST ?? "dist";
  if (!existsSync(`${dir}/index.html`)) {
    throw new Error(`${dir}/index.html is missing: run \`npx vite build\` first`);
  }
  const server = await serveDir(dir);
  project.provide("baseUrl", server.url);
  return server.close;
}
