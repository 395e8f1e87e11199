export const LANGUAGE_ID = "partner-charter";
export const OUTPUT_CHANNEL = "Partner Charter";

export const COMMANDS = {
  openPreview: "partnerCharter.openPreview",
  openPreviewToSide: "partnerCharter.openPreviewToSide",
  validateWorkspace: "partnerCharter.validateWorkspace",
  newCharter: "partnerCharter.newCharter",
  exportHtml: "partnerCharter.exportHtml",
  restartServer: "partnerCharter.restartServer",
  signCharter: "partnerCharter.signCharter",
  compareWithHead: "partnerCharter.compareWithHead",
  openPortfolioDashboard: "partnerCharter.openPortfolioDashboard",
  groupPartnerships: "partnerCharter.groupPartnerships",
  refreshPartnerships: "partnerCharter.refreshPartnerships",
  /** Internal: opens a charter at a line (the Partnerships view's items, the dashboard's links). */
  openCharterAt: "partnerCharter.openCharterAt",
} as const;

/** Context key set once the extension is active (the Restart command shows only then). */
export const ACTIVE_CONTEXT_KEY = "partnerCharter.active";

export const PREVIEW_VIEW_TYPE = "partnerCharter.preview";

export function isCharterDocument(document: { languageId: string } | undefined): boolean {
  return document?.languageId === LANGUAGE_ID;
}
