import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RISK_DENY_CODES, riskConfigSchema } from '../../src/risk/index.js';

const doc = readFileSync(new URL('../../docs/risk.md', import.meta.url), 'utf8');
const defaults = JSON.parse(readFileSync(new URL('../../config/default.json', import.meta.url), 'utf8')) as { risk: unknown };

describe('risk catalog', () => {
  it('lists every denial code in docs/risk.md, in the order the gate checks them', () => {
    const listed = [...doc.matchAll(/^\| \d+ \| `(RISK_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...RISK_DENY_CODES]);
  });

  it('documents every check and kill-switch config key', () => {
    const c = riskConfigSchema.parse({});
    for (const [check, keys] of Object.entries(c.checks)) {
      for (const k of Object.keys(keys)) expect(doc, `risk.checks.${check}.${k}`).toContain(k === 'enabled' ? `checks.${check}.enabled` : `.${k}`);
    }
    for (const k of Object.keys(c.killSwitch)) expect(doc, `risk.killSwitch.${k}`).toContain(`\`${k}\``);
  });

  it("config/default.json's risk section spells out the schema defaults", () => {
    expect(riskConfigSchema.parse(defaults.risk)).toEqual(riskConfigSchema.parse({}));
    expect(Object.keys(defaults.risk as object)).toEqual(Object.keys(riskConfigSchema.parse({})));
  });

  it('refuses an unknown check key with its path', () => {
    const r = riskConfigSchema.safeParse({ checks: { priceBand: { maxDeviation: 5 } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path.join('.')).toBe('checks.priceBand');
  });
});
