/**
 * HTML escaping: the `escape-html` library, the one escaper of the project (pages, preview
 * banners, messages shown in a webview). Markdown escaping lives in render/markdown-escape.ts.
 */
import escapeHtml from "escape-html";

export { escapeHtml };
