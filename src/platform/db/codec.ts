// Row codecs: the database stores booleans as 0/1 (SQLite) or integers, JSON as text and some counts as
// strings or bigints (PostgreSQL). A module declares once per table which columns are which, and its
// services handle typed rows instead of repeating Number(x) === 1 and JSON.parse.

type Decoded<Row, B extends keyof Row, N extends keyof Row, J extends Partial<Record<keyof Row, unknown>>> = Omit<
  Row,
  B | N | keyof J
> & { [K in B]: null extends Row[K] ? boolean | null : boolean } & {
  [K in N]: null extends Row[K] ? number | null : number;
} & { [K in keyof J]: J[K] };

/** How one table's row reads and writes. */
export interface RowCodec<Row, Out> {
  /** A stored row as the service sees it. */
  decode(row: Row): Out;
  /** Values for an insert or update, back in the stored form. */
  encode<P extends Partial<Out>>(values: P): Partial<Row>;
}

const toBool = (v: unknown) => (v === null || v === undefined ? null : v === true || v === 1 || v === '1' || v === 't');
const toNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function parseJson(v: unknown, fallback: unknown): unknown {
  if (v === null || v === undefined || v === '') return structuredClone(fallback);
  return typeof v === 'string' ? JSON.parse(v) : v;
}

/**
 * A codec for rows of type Row: `booleans` and `numbers` name columns decoded to boolean and number, `json`
 * maps each JSON column to the value used when it is empty (which also gives its type).
 */
export function rowCodec<Row>() {
  return <
    B extends keyof Row = never,
    N extends keyof Row = never,
    J extends Partial<Record<keyof Row, unknown>> = Record<never, never>,
  >(spec: {
    booleans?: readonly B[];
    numbers?: readonly N[];
    json?: J;
  }): RowCodec<Row, Decoded<Row, B, N, J>> => {
    const booleans = (spec.booleans ?? []) as readonly string[];
    const numbers = (spec.numbers ?? []) as readonly string[];
    const json = (spec.json ?? {}) as Record<string, unknown>;
    return {
      decode(row) {
        const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
        for (const k of booleans) if (k in out) out[k] = toBool(out[k]);
        for (const k of numbers) if (k in out) out[k] = toNum(out[k]);
        for (const k of Object.keys(json)) if (k in out) out[k] = parseJson(out[k], json[k]);
        return out as Decoded<Row, B, N, J>;
      },
      encode(values) {
        const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
        for (const k of booleans) if (k in out && out[k] !== null && out[k] !== undefined) out[k] = out[k] ? 1 : 0;
        for (const k of Object.keys(json)) if (k in out && out[k] !== undefined) out[k] = JSON.stringify(out[k]);
        return out as Partial<Row>;
      },
    };
  };
}
