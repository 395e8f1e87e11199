import type { Portfolio } from "./types";

/**
 * The language server's portfolio messages (docs/language-server.md): the request answers the
 * same data as `partner-charter portfolio --format json`, from every charter the server knows
 * (open and closed), once the workspace validation under way is done. A client that passes
 * `initializationOptions.portfolioChanged: true` is told when it changes (at most every 250 ms).
 */

export const PORTFOLIO_REQUEST = "partnerCharter/portfolio";
export const PORTFOLIO_CHANGED_NOTIFICATION = "partnerCharter/portfolioChanged";
export const PORTFOLIO_NOTIFY_MS = 250;

export interface PortfolioParams {
  /** Days ahead that count as coming up (default 30). */
  horizon?: number;
}

export type PortfolioResponse = Portfolio;
