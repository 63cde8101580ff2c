/** "24 小时内失败 12 次，来自 3 个地址": who is being attacked, for the user list and the account page. */
export const failureSummary = (u: { recentFailures: number; recentSources: number }) => `24 小时内失败 ${u.recentFailures} 次，来自 ${u.recentSources} 个地址`;
