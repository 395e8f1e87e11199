/**
 * The `--vscode-*` variables the preview reads, with the values VS Code gives a webview under
 * its default themes ("Light 2026" and "Dark 2026", VS Code 1.139: the theme files of the
 * built-in `theme-defaults` extension, and the workbench's defaults for the colours those
 * themes leave out). The accessibility test draws the preview with each.
 */
export interface WebviewTheme {
  name: string;
  /** The class VS Code puts on a webview's body. */
  bodyClass: "vscode-light" | "vscode-dark";
  variables: Record<string, string>;
}

const FONTS = {
  "--vscode-font-family":
    '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  "--vscode-font-size": "13px",
  "--vscode-editor-font-family": 'Menlo, Monaco, "Courier New", monospace',
};

export const DEFAULT_LIGHT: WebviewTheme = {
  name: "Light 2026",
  bodyClass: "vscode-light",
  variables: {
    ...FONTS,
    "--vscode-foreground": "#202020",
    "--vscode-editor-foreground": "#202020",
    "--vscode-editor-background": "#FFFFFF",
    "--vscode-descriptionForeground": "#606060",
    "--vscode-panel-border": "#F0F1F2",
    "--vscode-widget-border": "#E2E2E5",
    "--vscode-sideBar-background": "#FAFAFD",
    "--vscode-editorWidget-background": "#FAFAFD",
    "--vscode-textLink-foreground": "#0069CC",
    "--vscode-errorForeground": "#ad0707",
    "--vscode-editorError-foreground": "#E51400",
    "--vscode-editorWarning-foreground": "#BF8803",
    "--vscode-editorInfo-foreground": "#0063d3",
    "--vscode-testing-iconPassed": "#73c991",
    "--vscode-focusBorder": "#0069CC",
    "--vscode-charts-blue": "#1A5CFF",
    "--vscode-charts-purple": "#652D90",
    "--vscode-charts-green": "#388A34",
    "--vscode-textPreformat-foreground": "#606060",
    "--vscode-textPreformat-background": "#ECECEC",
    "--vscode-inputValidation-warningBorder": "#B69500",
    "--vscode-inputValidation-warningBackground": "#FDF6E3",
  },
};

export const DEFAULT_DARK: WebviewTheme = {
  name: "Dark 2026",
  bodyClass: "vscode-dark",
  variables: {
    ...FONTS,
    "--vscode-foreground": "#bfbfbf",
    "--vscode-editor-foreground": "#BBBEBF",
    "--vscode-editor-background": "#121314",
    "--vscode-descriptionForeground": "#8C8C8C",
    "--vscode-panel-border": "#2A2B2C",
    "--vscode-widget-border": "#2A2B2C",
    "--vscode-sideBar-background": "#191A1B",
    "--vscode-editorWidget-background": "#202122",
    "--vscode-textLink-foreground": "#48A0C7",
    "--vscode-errorForeground": "#f48771",
    "--vscode-editorError-foreground": "#F14C4C",
    "--vscode-editorWarning-foreground": "#CCA700",
    "--vscode-editorInfo-foreground": "#59a4f9",
    "--vscode-testing-iconPassed": "#73c991",
    "--vscode-focusBorder": "#3994BCB3",
    "--vscode-charts-blue": "#57A3F8",
    "--vscode-charts-purple": "#AD80D7",
    "--vscode-charts-green": "#86CF86",
    "--vscode-textPreformat-foreground": "#8C8C8C",
    "--vscode-textPreformat-background": "#262626",
    "--vscode-inputValidation-warningBorder": "#B89500",
    "--vscode-inputValidation-warningBackground": "#352A05",
  },
};
