export * from "./types";
export { portfolioEntry } from "./entry";
export {
  buildPortfolio,
  whenWords,
  DEFAULT_HORIZON,
  HEALTH_BANDS,
  STAGES,
  type PortfolioInput,
  type PortfolioOptions,
} from "./build";
export { renderPortfolioStylish, renderPortfolioMarkdown, type StylishStyle } from "./render-text";
export { PORTFOLIO_FORMATS, type PortfolioFormat, type PortfolioFormatOptions } from "./formats";
export { renderPortfolioHtml, type PortfolioHtmlOptions } from "./render-html";
