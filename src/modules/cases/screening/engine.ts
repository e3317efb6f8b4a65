import config from './ilo-ec-2009.json' with { type: 'json' };

export type Strength = 'strong' | 'medium' | 'weak';
export type Audience = 'adult' | 'child';
export type ExploitationType = 'labour' | 'sexual';

export interface Indicator {
  id: string;
  dimension: string;
  strength: Record<Audience, Strength | null>;
  types: string[];
  label: Record<string, string>;
}

export interface ScreeningConfig {
  id: string;
  version: string;
  dimensions: string[];
  recruitment: string[];
  exploitation: string;
  coercion: string[];
  indicators: Indicator[];
}

/** The indicator set in force: configuration data, versioned, never code. */
export const activeScreening = config as ScreeningConfig;

/** A dimension is positive on 2 strong, or 1 strong + 1 medium/weak, or 3 medium, or 2 medium + 1 weak. */
export function dimensionPositive(c: { strong: number; medium: number; weak: number }): boolean {
  return c.strong >= 2 || (c.strong >= 1 && c.medium + c.weak >= 1) || c.medium >= 3 || (c.medium >= 2 && c.weak >= 1);
}

export interface ScreeningResult {
  configId: string;
  version: string;
  audience: Audience;
  type: ExploitationType;
  dimensions: Record<string, { strong: number; medium: number; weak: number; positive: boolean }>;
  /** The suggestion only; a person records the decision. */
  suggestedStatus: 'PossibleVictimOfTrafficking' | null;
  unknownIndicators: string[];
}

/**
 * Scores the ticked indicators. Suggests a possible victim when recruitment (deceptive, coercive or by
 * abuse of vulnerability) and exploitation are positive, and, for adults, coercion or abuse of
 * vulnerability at destination too (for a child the means need not be shown).
 */
export function screen(
  ticked: string[],
  audience: Audience,
  type: ExploitationType,
  cfg: ScreeningConfig = activeScreening,
): ScreeningResult {
  const byId = new Map(cfg.indicators.map((i) => [i.id, i]));
  const dims = Object.fromEntries(cfg.dimensions.map((d) => [d, { strong: 0, medium: 0, weak: 0, positive: false }]));
  const unknown: string[] = [];
  for (const id of new Set(ticked)) {
    const ind = byId.get(id);
    const s = ind?.strength[audience];
    if (!ind || !s || !ind.types.includes(type)) {
      unknown.push(id);
      continue;
    }
    dims[ind.dimension]![s]++;
  }
  for (const d of Object.values(dims)) d.positive = dimensionPositive(d);
  const any = (list: string[]) => list.some((d) => dims[d]?.positive);
  const victim =
    any(cfg.recruitment) && Boolean(dims[cfg.exploitation]?.positive) && (audience === 'child' || any(cfg.coercion));
  return {
    configId: cfg.id,
    version: cfg.version,
    audience,
    type,
    dimensions: dims,
    suggestedStatus: victim ? 'PossibleVictimOfTrafficking' : null,
    unknownIndicators: unknown,
  };
}
