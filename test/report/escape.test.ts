import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineScript, jsonForScript } from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters so text cannot open a tag or leave an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('jsonForScript', () => {
  it('writes JSON without </script>, <!-- or line separators that parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', comment: '<!-- x -->', ls: 'a\u2028b\u2029c', amp: 'R&D' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('inlineScript', () => {
  it('rewrites </script and <!-- in a script source so that the script element cannot end early', () => {
    const src = `var a = "</script>"; var b = "<!--"; var c = '</SCRIPT>';`;
    const out = inlineScript(src);
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    expect(new Function(`${out}; return [a, b, c];`)()).toEqual(['</script>', '<!--', '</SCRIPT>']);
  });
});
