import { countSeverities, type Finding, type PortfolioEntry, type PortfolioInput } from "../../core/src";

/**
 * Every charter the server knows (open documents and the files found on disk) and what the
 * editor shows for each: a message goes out only when it changes something, since a
 * workspace may hold thousands of charters without findings.
 */

interface Shown {
  uri: string;
  errors: number;
  warnings: number;
  /** Diagnostics currently shown for this file are non-empty. */
  shown: boolean;
  /** What the charter contributes to the portfolio, as last validated. */
  portfolio?: Pick<PortfolioInput, "entry" | "findings">;
}

export class KnownCharters {
  private readonly charters = new Map<string, Shown>();

  constructor(
    private readonly publish: (uri: string, findings: readonly Finding[], version?: number) => void,
    /** The portfolio changed (a charter's entry or findings, or the set of charters). */
    private readonly portfolioChanged: () => void = () => undefined,
  ) {}

  get size(): number {
    return this.charters.size;
  }

  keys(): string[] {
    return [...this.charters.keys()];
  }

  has(key: string): boolean {
    return this.charters.has(key);
  }

  uriOf(key: string): string | undefined {
    return this.charters.get(key)?.uri;
  }

  /** Knows the charter from now on (under this URI when it is new). */
  add(key: string, uri: string): void {
    if (!this.charters.has(key)) this.charters.set(key, { uri, errors: 0, warnings: 0, shown: false });
  }

  /** The client now names the charter by this URI. */
  rename(key: string, uri: string): void {
    this.add(key, uri);
    this.charters.get(key)!.uri = uri;
  }

  /**
   * Shows a charter's findings; `version` only for open documents, which always get an answer.
   * `entry`: what the charter contributes to the portfolio (kept; only this charter's changes).
   */
  show(key: string, uri: string, findings: readonly Finding[], version?: number, entry?: PortfolioEntry): void {
    this.add(key, uri);
    const state = this.charters.get(key)!;
    if (entry) this.keepPortfolio(state, entry, findings);
    const counts = countSeverities(findings);
    state.errors = counts.errors;
    state.warnings = counts.warnings;
    // Closed files without findings need no message (a workspace may hold thousands of them).
    if (findings.length === 0 && !state.shown && version === undefined) return;
    this.publish(uri, findings, version);
    state.shown = findings.length > 0;
  }

  private keepPortfolio(state: Shown, entry: PortfolioEntry, findings: readonly Finding[]): void {
    const kept = { entry, findings: findings.map(({ severity, range }) => ({ severity, range })) };
    if (state.portfolio && JSON.stringify(state.portfolio) === JSON.stringify(kept)) return;
    state.portfolio = kept;
    this.portfolioChanged();
  }

  /** Every charter's portfolio part, as last validated (`fileOf` names the file for the report). */
  portfolioInputs(fileOf: (key: string, uri: string) => string): PortfolioInput[] {
    const inputs: PortfolioInput[] = [];
    for (const [key, state] of this.charters) {
      if (state.portfolio) inputs.push({ file: fileOf(key, state.uri), uri: state.uri, ...state.portfolio });
    }
    return inputs;
  }

  /** Forgets a charter and clears what is shown for it; false when it was not known. */
  remove(key: string): boolean {
    const state = this.charters.get(key);
    if (!state) return false;
    this.charters.delete(key);
    if (state.portfolio) this.portfolioChanged();
    this.publish(state.uri, []);
    return true;
  }

  /** Validation turned off: every charter's findings disappear (the charters stay known). */
  clearShown(): void {
    for (const state of this.charters.values()) {
      if (state.shown) this.publish(state.uri, []);
      state.shown = false;
      state.errors = 0;
      state.warnings = 0;
    }
  }

  /** Errors and warnings over every charter, as last shown. */
  counts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const state of this.charters.values()) {
      errors += state.errors;
      warnings += state.warnings;
    }
    return { errors, warnings };
  }
}
