/** A balance statement (accounting's `statementAsOf`) as printable lines. */
import { formatCents, type Statement } from '@omega/accounting';

export function statementLines(s: Statement): string[] {
  const lines = [`balances at the end of ${s.asOf}:`];
  for (const l of s.lines) if (l.balance !== 0n) lines.push(`  ${l.account.padEnd(28)} ${formatCents(l.balance).padStart(16)}`);
  const t = s.totals;
  lines.push(`  assets ${formatCents(t.assets)}, liabilities ${formatCents(t.liabilities)}, net worth ${formatCents(t.netWorth)}`);
  lines.push(`  assets = liabilities + equity + (income − expenses): ${s.balanced ? 'holds' : 'DOES NOT HOLD'}`);
  return lines;
}
