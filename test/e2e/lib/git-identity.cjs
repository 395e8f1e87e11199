// git with a fixed identity and no user or system configuration, for the end-to-end tests that
// commit a charter in their workspace copy (the extension-host suite and the UI test).
"use strict";

/** The environment for `git` run by a test: `base` plus the test identity. */
function gitEnv(base = process.env) {
  return {
    ...base,
    GIT_AUTHOR_NAME: "E2E",
    GIT_AUTHOR_EMAIL: "e2e@localhost",
    GIT_COMMITTER_NAME: "E2E",
    GIT_COMMITTER_EMAIL: "e2e@localhost",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
  };
}

module.exports = { gitEnv };
