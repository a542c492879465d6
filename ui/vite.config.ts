// Vite builds the UI into ui/dist, which the shell embeds (see scripts/build-app.sh).
import { defineConfig } from "vite";

export default defineConfig({
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: { environment: "node" },
} as never);
