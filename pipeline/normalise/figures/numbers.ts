/** How the genre writes amounts and rates: 3070.56亿元, 1.1%, 0.5个百分点 (some pages print ％). */
export const NUM = String.raw`\d+(?:\.\d+)?`;
export const UNIT = '(?:万亿元|亿美元|万美元|亿元|万元|元|万人次|人次|万人|人|万户|户|万吨|吨|万亿斤|亿斤|万斤|万亩|亩|万平方米|平方米|平方公里|公里|亿千瓦时|万千瓦|千瓦|万标箱|万辆|辆|万家|家|万个|个|件|项|所|座|张|微克/立方米|%|％|‰)';
export const RATE = String.raw`${NUM}\s*(?:%|％|‰|个百分点)`;
