// Preloaded (`node --require`) before Red Hat's yaml-language-server to remove its fixed
// validation delay: the server schedules every validation with
// setTimeout(…, yamlSettings.validationDelayMs), and SettingsState's constructor sets that
// field to 200 (out/server/src/yamlSettings.js) with no setting to change it. We replace the
// exported class with a subclass whose constructor sets it to 0. Nothing else changes.
"use strict";
const path = require("node:path");
const root = path.dirname(require.resolve("yaml-language-server/package.json"));
const settings = require(path.join(root, "out/server/src/yamlSettings.js"));
const Original = settings.SettingsState;
class SettingsStateNoDelay extends Original {
  constructor(...args) {
    super(...args);
    if (this.validationDelayMs !== 200) {
      process.stderr.write(`yls-no-delay: expected validationDelayMs 200, found ${this.validationDelayMs}\n`);
    }
    this.validationDelayMs = 0;
  }
}
settings.SettingsState = SettingsStateNoDelay;
