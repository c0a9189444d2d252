import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Relative base so the built app works from any folder or static host, with no network.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { chunkSizeWarningLimit: 2000 },
});
