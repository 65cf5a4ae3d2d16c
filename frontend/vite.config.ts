import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Django serves dist/index.html for every non-API path and dist/ itself under
// /static/, so built asset URLs start with /static/. The dev server keeps "/"
// and proxies the API and the websocket to runserver/daphne on :8000.
const backend = "http://127.0.0.1:8000";

export default defineConfig(({ command }) => ({
  base: command === "build" ? "/static/" : "/",
  plugins: [react()],
  // Django replaces the placeholder with each response's Content-Security-Policy nonce
  // (config/urls.py frontend); the component library's <style> elements carry it.
  html: { cspNonce: "__CSP_NONCE__" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/ws": { target: backend, ws: true, changeOrigin: false },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
    unstubGlobals: true,
    testTimeout: 15000,
  },
}));
