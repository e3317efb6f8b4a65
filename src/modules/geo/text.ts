/** Lowercase, accent-free form of a name, so "Cañar" is found by "canar" and "CAÑAR". */
export function searchForm(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const small = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'en', 'a']);

/** Title case for names imported in capitals ("SANTIAGO DE QUITO" → "Santiago de Quito"). */
export function titleCase(name: string): string {
  return name
    .toLocaleLowerCase('es')
    .split(/(\s+|\(|-)/)
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toLocaleUpperCase('es') + w.slice(1)))
    .join('');
}

/** Escapes LIKE wildcards so a search for "50%" matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
