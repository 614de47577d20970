/** NSE-like symbols with a sector each. Beyond this list, names get a numeric suffix (e.g. RELIANCE2). */
const BASE: readonly (readonly [string, string])[] = [
  ['RELIANCE', 'Energy'], ['TCS', 'IT'], ['HDFCBANK', 'Banking'], ['INFY', 'IT'], ['ICICIBANK', 'Banking'],
  ['HINDUNILVR', 'FMCG'], ['ITC', 'FMCG'], ['SBIN', 'Banking'], ['BHARTIARTL', 'Telecom'], ['KOTAKBANK', 'Banking'],
  ['LT', 'Infrastructure'], ['AXISBANK', 'Banking'], ['ASIANPAINT', 'Consumer'], ['MARUTI', 'Auto'], ['SUNPHARMA', 'Pharma'],
  ['TITAN', 'Consumer'], ['BAJFINANCE', 'Financials'], ['ULTRACEMCO', 'Cement'], ['WIPRO', 'IT'], ['NESTLEIND', 'FMCG'],
  ['ONGC', 'Energy'], ['NTPC', 'Power'], ['POWERGRID', 'Power'], ['M&M', 'Auto'], ['TATAMOTORS', 'Auto'],
  ['TATASTEEL', 'Metals'], ['JSWSTEEL', 'Metals'], ['ADANIENT', 'Conglomerate'], ['ADANIPORTS', 'Infrastructure'], ['COALINDIA', 'Mining'],
  ['HCLTECH', 'IT'], ['TECHM', 'IT'], ['BAJAJFINSV', 'Financials'], ['GRASIM', 'Cement'], ['DRREDDY', 'Pharma'],
  ['CIPLA', 'Pharma'], ['DIVISLAB', 'Pharma'], ['EICHERMOT', 'Auto'], ['HEROMOTOCO', 'Auto'], ['BRITANNIA', 'FMCG'],
  ['APOLLOHOSP', 'Healthcare'], ['INDUSINDBK', 'Banking'], ['HINDALCO', 'Metals'], ['BPCL', 'Energy'], ['SBILIFE', 'Insurance'],
  ['HDFCLIFE', 'Insurance'], ['TATACONSUM', 'FMCG'], ['BAJAJ-AUTO', 'Auto'], ['SHRIRAMFIN', 'Financials'], ['TRENT', 'Retail'],
  ['DLF', 'Realty'], ['GODREJCP', 'FMCG'], ['PIDILITIND', 'Chemicals'], ['SIEMENS', 'Capital Goods'], ['HAVELLS', 'Consumer'],
  ['DABUR', 'FMCG'], ['AMBUJACEM', 'Cement'], ['BANKBARODA', 'Banking'], ['PNB', 'Banking'], ['CANBK', 'Banking'],
  ['GAIL', 'Energy'], ['IOC', 'Energy'], ['VEDL', 'Metals'], ['ZOMATO', 'Internet'], ['IRCTC', 'Travel'],
  ['HAL', 'Defence'], ['BEL', 'Defence'], ['TVSMOTOR', 'Auto'], ['LUPIN', 'Pharma'], ['AUROPHARMA', 'Pharma'],
];

export interface GeneratedSymbol {
  readonly symbol: string;
  readonly sector: string;
}

export const universe = (count: number): GeneratedSymbol[] => {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`symbol count must be a positive integer: ${count}`);
  const out: GeneratedSymbol[] = [];
  for (let i = 0; i < count; i++) {
    const base = BASE[i % BASE.length] ?? ['SYM', 'Other'];
    const round = Math.floor(i / BASE.length);
    out.push({ symbol: round === 0 ? base[0] : `${base[0]}${round + 1}`, sector: base[1] });
  }
  return out;
};
