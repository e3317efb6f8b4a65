// regex() patterns are written by form authors and run in the browser and on the server, so a pattern that could
// backtrack for ever is refused: a quantified group that itself contains a quantifier ((a+)+, (\w*\s?)*) or a
// backreference. Patterns are also limited in length, and a pattern that does not compile is refused at import.

export const maxRegexLength = 200;

/** Whether a pattern may backtrack catastrophically (nested quantifiers or backreferences). */
export function unsafeRegex(p: string): boolean {
  const groups: boolean[] = [];
  let closedQuantified = false;
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      if (/[1-9k]/.test(p[i + 1] ?? '')) return true;
      i++;
      closedQuantified = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      closedQuantified = false;
    } else if (c === '(') {
      groups.push(false);
      closedQuantified = false;
    } else if (c === ')') {
      closedQuantified = groups.pop() ?? false;
      if (closedQuantified && groups.length) groups[groups.length - 1] = true;
    } else if (c === '*' || c === '+' || (c === '{' && /^\{\d*,?\d*\}/.test(p.slice(i, i + 24)))) {
      if (closedQuantified) return true;
      if (groups.length) groups[groups.length - 1] = true;
      closedQuantified = false;
    } else if (c !== '?') {
      closedQuantified = false;
    }
  }
  return false;
}

const cache = new Map<string, RegExp | null>();

/** The compiled pattern, or null when it is too long, unsafe or invalid (cached). */
export function safeRegex(pattern: string): RegExp | null {
  let re = cache.get(pattern);
  if (re !== undefined) return re;
  re = null;
  if (pattern.length <= maxRegexLength && !unsafeRegex(pattern)) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, re);
  return re;
}
