/**
 * Commands the language server puts in code actions and our VS Code extension implements
 * (client/src/commands.ts). A client announces that it implements them in
 * `initializationOptions` (`showDocumentationCommand: true`); other clients are not sent them.
 */

/** Opens a rule's documentation page; its one argument is the page's file: URI. */
export const SHOW_RULE_DOCUMENTATION_COMMAND = "partnerCharter.showRuleDocumentation";
