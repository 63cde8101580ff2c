// Every threshold of the status rules in one place, so the 督查室's policy can be
// read (and changed) without reading code. lib/rag.ts and lib/metric-values.ts use it.

export const STATUS_CONFIG = {
  /**
   * A cumulative metric behind its quarterly plan by MORE than this share of the plan is
   * red; behind by up to this share is amber (20%).
   */
  redShortfallRatio: 0.2,
  /**
   * A rate (增长 x%) is compared in percentage points: more than this many points below
   * its target is red, up to this many is amber.
   */
  rateRedPoints: 1,
  /** Self-assessed 滞后 makes the quarter at least amber. */
  selfBehindIsAmber: true,
  /** A non-empty 存在问题 makes the quarter at least amber… */
  problemsAreAmber: true,
  /** …unless it only says there are none (compared after removing spaces and punctuation). */
  noProblemPhrases: ["无", "暂无", "没有", "无问题", "暂无问题", "没有问题", "无明显问题", "/", "-", "—"],
  /** 月度推进节点: this many nodes of a quarter not done by their month's end make 进度 red (one makes it amber). */
  missedNodesRed: 2,
  /** A missed node of the quarter's last month makes 进度 red on its own (nothing is left to catch up in the quarter). */
  missedLastMonthNodeIsRed: true,
  /** A node done after its month's end makes 进度 at least amber. */
  lateNodeIsAmber: true,
  /** How many characters of 存在问题 a reason text quotes. */
  problemQuoteChars: 30,
} as const;

/** Bounds for entered values, by metric kind. */
export const METRIC_BOUNDS = {
  /** Rates and growth percentages, e.g. GDP 增长 5.5%. */
  rate: { min: -100, max: 1000 },
  /** A cumulative count may exceed its target, but not by more than this factor (typo guard). */
  cumulativeMaxFactor: 10,
  /** …and never below this ceiling, so tiny targets (1 座) still leave room. */
  cumulativeMinCeiling: 100,
  maxDecimals: 2,
} as const;

export const RAG_LABEL = { red: "红", amber: "黄", green: "绿" } as const;

/**
 * Bump when the rules in lib/quarter-status.ts change in a way STATUS_CONFIG does not
 * show: stored judgements (quarter_status) are recomputed when this or the config changes.
 */
export const STATUS_RULES_VERSION = 4;
