import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(REPO_ROOT, "dist", "cli.js");
export const SERVER = path.join(REPO_ROOT, "dist", "server.js");
export const FIXTURES = path.join(REPO_ROOT, "test", "fixtures");
/** Fixed "today" for every test, so date-relative rules are reproducible. */
export const TEST_TODAY = "2026-11-24";
