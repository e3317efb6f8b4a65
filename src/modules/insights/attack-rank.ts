// The rank attack: exact linear algebra over everything an attacker knows exactly across a series of releases.
// Unknowns are the counts of every cell in every release, one unknown for all the releases in which the cell's
// month or year had ended (its count no longer changes); the values the attacker knows exactly (attack.ts) and the
// structural zeros are substituted (or, when a later release makes a value known, added as an equation); every
// additive relation of every release (cubeRelations) is an equation. The system (mod-system.ts: modulo a prime) is
// kept solved as releases are added, so the audit of a new release (release-audit.ts) only eliminates that release:
// an unknown is determined exactly when the null space leaves it no freedom. The determined values are checked
// against the truth (a consistency check of the solver). Nonnegativity and integer bounds are not used: this is the
// exact, linear attack.
import { closedFrom, countPinned, exactValues, type Pinned, type Step, steps, structuralZero } from './attack';
import { ModSystem, mod } from './mod-system';
import { cubeRelations } from './protect';
import type { Release } from './release';

/** Unknown keys: label id × STRIDE + the release's place, or CLOSED for every release after the cell's period ended. */
const STRIDE = 2 ** 20;
const CLOSED = STRIDE - 1;

/** Where a RankSeries stood, to undo back to. */
export interface RankMark {
  system: ReturnType<ModSystem['mark']>;
  steps: number;
  equations: number;
  known: number;
  ids: number;
}

/**
 * A series of releases as the rank attack sees it, solved so far: `add` one release at a time; `mark` and `undo` to
 * try a release and take it back.
 */
export class RankSeries {
  private labelIds = new Map<string, number>();
  private from: (string | null)[] = [];
  private zero: boolean[] = [];
  private keys: Float64Array[] = [];
  private known = new Map<number, number>();
  /** The keys made known, in order (to undo). */
  private knownOrder: number[] = [];
  private ids = new Map<number, number>();
  /** The keys given an unknown, in order (to undo). */
  private idOrder: number[] = [];
  private truth: number[] = [];
  private system = new ModSystem();
  readonly steps: Step[] = [];
  equations = 0;

  constructor(private readonly chained: boolean) {}

  mark(): RankMark {
    return {
      system: this.system.mark(),
      steps: this.steps.length,
      equations: this.equations,
      known: this.knownOrder.length,
      ids: this.idOrder.length,
    };
  }

  undo(m: RankMark): void {
    this.system.undo(m.system);
    this.steps.length = m.steps;
    this.keys.length = m.steps;
    this.equations = m.equations;
    for (const key of this.knownOrder.splice(m.known)) this.known.delete(key);
    for (const key of this.idOrder.splice(m.ids)) this.ids.delete(key);
    this.truth.length = m.ids;
  }

  /** Adds the next release (in period order) and solves what it adds; `step` is its attacker's view if at hand. */
  add(release: Release, step: Step | undefined = steps([release])[0]): this {
    const t = this.steps.length;
    const prev = this.steps[t - 1];
    this.steps.push(step!);
    const period = release.period;
    const keys = new Float64Array(step!.labels.length);
    for (const [i, l] of step!.labels.entries()) {
      let id = this.labelIds.get(l);
      if (id === undefined) {
        id = this.labelIds.size;
        this.labelIds.set(l, id);
        this.from.push(closedFrom(l));
        this.zero.push(structuralZero(l));
      }
      const f = this.from[id];
      keys[i] = id * STRIDE + (f && period >= f ? CLOSED : t);
    }
    this.keys.push(keys);
    // What this release makes known: structural zeros, and its exact values (attack.ts).
    const exact = exactValues(prev ? [prev, step!] : [step!], this.chained).at(-1)!;
    const learn = (key: number, v: number) => {
      if (this.known.has(key)) return;
      this.known.set(key, v);
      this.knownOrder.push(key);
      const id = this.ids.get(key);
      if (id !== undefined) {
        this.system.add(new Map([[id, 1]]), v);
        this.equations++;
      }
    };
    for (const [i, l] of step!.labels.entries()) {
      if (this.zero[this.labelIds.get(l)!]) learn(keys[i]!, 0);
      const v = exact.get(l);
      if (v !== undefined) learn(keys[i]!, v);
    }
    const { counts } = release.cube.layout();
    for (let i = 0; i < counts.length; i++) {
      const key = keys[i]!;
      if (!this.known.has(key) && !this.ids.has(key)) {
        this.ids.set(key, this.ids.size);
        this.idOrder.push(key);
        this.truth.push(counts[i]!);
      }
    }
    this.system.grow(this.ids.size);
    const { parts, visit } = cubeRelations(release.cube);
    visit((parent, len) => {
      const terms = new Map<number, number>();
      let constant = 0;
      const term = (cell: number, coef: number) => {
        const key = keys[cell]!;
        const v = this.known.get(key);
        if (v !== undefined) constant -= coef * v;
        else {
          const id = this.ids.get(key)!;
          terms.set(id, (terms.get(id) ?? 0) + coef);
        }
      };
      term(parent, 1);
      for (let j = 0; j < len; j++) term(parts[j]!, -1);
      if (terms.size) {
        this.system.add(terms, constant);
        this.equations++;
      }
    });
    this.system.solve();
    return this;
  }

  /**
   * The hidden cells of 1..k-1 people the attack determines in every release so far. With `strict`, a determined
   * value that differs from the truth throws (the bench and the tests: facts never change there); the audit of a live
   * release passes false (late corrections make a closed cell differ between releases).
   */
  pinned(k: number, strict = true): Pinned & { unknowns: number; equations: number } {
    const det = this.system.determined();
    if (strict)
      for (const [id, v] of det)
        if (v !== mod(this.truth[id]!)) throw new Error(`rank attack: inconsistent solution for unknown ${id}`);
    const pinned = countPinned(this.steps, k, (t, label) => {
      const key = this.keys[t]![this.steps[t]!.index.get(label)!]!;
      if (this.known.has(key)) return true;
      const id = this.ids.get(key);
      return id !== undefined && det.has(id);
    });
    return { ...pinned, unknowns: this.ids.size, equations: this.equations };
  }
}

/** The rank attack on a whole series of releases (see the header): hidden cells of 1..k-1 people it determines. */
export function rankAttack(
  s: Step[],
  k: number,
  chained: boolean,
  strict = true,
): Pinned & { unknowns: number; equations: number } {
  const series = new RankSeries(chained);
  for (const step of s) series.add(step.release, step);
  return series.pinned(k, strict);
}
