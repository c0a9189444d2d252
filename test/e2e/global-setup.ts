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
  if (!existsSync("dist/index.html"))
    throw new Error("dist/ is missing: run `npx vite build` first");
  const server = await serveDir("dist");
  project.provide("baseUrl", server.url);
  return server.close;
}
