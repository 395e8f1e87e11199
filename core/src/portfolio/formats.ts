import { renderPortfolioCsv } from "./render-csv";
import { renderPortfolioHtml } from "./render-html";
import { renderPortfolioIcs } from "./render-ics";
import { renderPortfolioMarkdown, renderPortfolioStylish, type StylishStyle } from "./render-text";
import type { Portfolio } from "./types";

/** Every output format of `partner-charter portfolio`, each a pure function of the portfolio. */

export interface PortfolioFormatOptions {
  /** The horizon the portfolio was built with (days; `ics` keeps the milestones within it). */
  horizon: number;
  /** `stylish` on a colour terminal. */
  style?: StylishStyle;
}

export const PORTFOLIO_FORMATS = {
  stylish: (portfolio, options) => renderPortfolioStylish(portfolio, options.style),
  markdown: (portfolio) => renderPortfolioMarkdown(portfolio),
  json: (portfolio) => `${JSON.stringify(portfolio, null, 2)}\n`,
  html: (portfolio) => renderPortfolioHtml(portfolio, { mode: "standalone" }),
  csv: (portfolio) => renderPortfolioCsv(portfolio),
  ics: (portfolio, options) => renderPortfolioIcs(portfolio, options.horizon),
} satisfies Record<string, (portfolio: Portfolio, options: PortfolioFormatOptions) => string>;

export type PortfolioFormat = keyof typeof PORTFOLIO_FORMATS;
