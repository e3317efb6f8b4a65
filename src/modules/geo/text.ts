/** Lowercase, accent-free form of a name, so "Cañar" is found by "canar" and "CAÑAR". */
export function searchForm(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const particles = new Set(['de', 'del', 'y', 'en', 'a']);
const articles = new Set(['la', 'las', 'los', 'el']);

/** Title case for names imported in capitals ("SANTIAGO DE QUITO" → "Santiago de Quito", "VILLA LA UNIÓN" → "Villa La Unión"). */
export function titleCase(name: string): string {
  const parts = name.toLocaleLowerCase('es').split(/(\s+|\(|-)/);
  let previousWord = '';
  return parts
    .map((w, i) => {
      if (!w.trim() || w === '(' || w === '-') return w;
      const keepLower =
        i > 0 && (particles.has(w) || (articles.has(w) && (previousWord === 'de' || previousWord === 'del')));
      previousWord = w;
      return keepLower ? w : w.charAt(0).toLocaleUpperCase('es') + w.slice(1);
    })
    .join('');
}

/** Escapes LIKE wildcards so a search for "50%" matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
