// Vitest configuration: the app's unit tests (src/) and the editor's DOM tests (test/) run in jsdom.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
