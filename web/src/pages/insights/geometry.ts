// Far-off islands (Galápagos for Ecuador) would shrink the mainland to a sliver on a national map, so
// features whose centre lies far outside the bulk of the others are left off the drawing (their figures
// stay in the table and the CSV, and the caption names them).

interface Feature {
  properties: { code: string; label: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
}

function centre(f: Feature): [number, number] {
  const polygons = (
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
  ) as number[][][][];
  let x = 0;
  let y = 0;
  let n = 0;
  for (const polygon of polygons)
    for (const [lng, lat] of polygon[0] ?? []) {
      x += lng ?? 0;
      y += lat ?? 0;
      n++;
    }
  return n ? [x / n, y / n] : [0, 0];
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** The features to draw, and those lying far apart from the rest (beyond the 5–95 % range by its own width). */
export function splitOutliers<F extends Feature>(features: F[]): { shown: F[]; apart: F[] } {
  if (features.length < 10) return { shown: features, apart: [] };
  const centres = features.map(centre);
  const far = [0, 1].map((axis) => {
    const values = centres.map((c) => c[axis] ?? 0).sort((a, b) => a - b);
    const lo = quantile(values, 0.05);
    const hi = quantile(values, 0.95);
    const span = Math.max(hi - lo, 1e-9);
    return (v: number) => v < lo - span || v > hi + span;
  });
  const isApart = (i: number) => far.some((test, axis) => test(centres[i]?.[axis] ?? 0));
  return {
    shown: features.filter((_, i) => !isApart(i)),
    apart: features.filter((_, i) => isApart(i)),
  };
}
