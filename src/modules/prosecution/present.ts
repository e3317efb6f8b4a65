import type { CatalogueEntry } from '../catalogues/index';
import type { ComplaintRow } from './repo';
import type { ProsecutionView } from './schema';
import type { HearingKind, Outcome } from './vocabulary';

type Lang = 'es' | 'en' | 'qu-EC';
type Open = (table: string, row: string, column: string, value: string | null) => string | null;

/** What the presenter is given: the case's rows, the catalogues, and what the reader may see and do. */
export interface ProsecutionRows {
  complaints: ComplaintRow[];
  stages: { id: string; complaint_id: string; stage: string; reached_on: string; recorded_by: string }[];
  suspects: {
    id: string;
    complaint_id: string;
    perpetrator_id: string;
    outcome: Outcome | null;
    sentence_months: number | null;
    fine_amount: number | null;
  }[];
  charges: { id: string; suspect_id: string; offence: string }[];
  hearings: { id: string; complaint_id: string; held_on: string; kind: string; result_enc: string | null }[];
  perpetrators: { id: string; given_names_enc: string | null; surnames_enc: string | null }[];
  stageEntries: CatalogueEntry<'proceeding_stage'>[];
  offenceEntries: CatalogueEntry<'offence'>[];
  organisations: Map<string, string>;
  users: Map<string, string>;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The case's prosecution as the API shows it: every catalogue key with its label in the reader's language and its
 * legal source, sealed fields opened, perpetrators' names only for readers of the perpetrators section.
 */
export function presentProsecution(
  r: ProsecutionRows,
  o: { lang: Lang; open: Open; seesPerpetrators: boolean; write: boolean },
): ProsecutionView {
  const ref = (e: CatalogueEntry | undefined, key: string) => ({
    key,
    label: e ? (e.labels[o.lang] ?? e.labels.es) : key,
    source: e?.source ?? '',
  });
  const stageOf = (key: string) => r.stageEntries.find((e) => e.key === key);
  const name = (p: ProsecutionRows['perpetrators'][number] | undefined) => {
    if (!p || !o.seesPerpetrators) return null;
    const parts = [
      o.open('case_perpetrators', p.id, 'given_names', p.given_names_enc),
      o.open('case_perpetrators', p.id, 'surnames', p.surnames_enc),
    ].filter(Boolean);
    return parts.length ? parts.join(' ') : null;
  };
  const orgOr = (id: string | null, text: string | null) => (id ? (r.organisations.get(id) ?? text) : text);
  return {
    complaints: r.complaints.map((c) => ({
      id: c.id,
      filedOn: c.filed_on,
      institution: orgOr(c.institution_org_id, c.institution),
      institutionOrgId: c.institution_org_id,
      prosecutorOffice: orgOr(c.prosecutor_org_id, c.prosecutor_office),
      prosecutorOrgId: c.prosecutor_org_id,
      fileNumber: o.open('complaints', c.id, 'file_number', c.file_number_enc),
      stage: { ...ref(stageOf(c.stage), c.stage), prosecuted: Boolean(stageOf(c.stage)?.data.prosecuted) },
      chargedOn: c.charged_on,
      outcome: c.outcome,
      outcomeOn: c.outcome_on,
      sentenceMonths: num(c.sentence_months),
      fineAmount: num(c.fine_amount),
      reparation: o.open('complaints', c.id, 'reparation', c.reparation_enc),
      reparationAmount: num(c.reparation_amount),
      stages: r.stages
        .filter((s) => s.complaint_id === c.id)
        .map((s) => ({
          id: s.id,
          ...ref(stageOf(s.stage), s.stage),
          reachedOn: s.reached_on,
          recordedBy: r.users.get(s.recorded_by) ?? null,
        })),
      suspects: r.suspects
        .filter((s) => s.complaint_id === c.id)
        .map((s) => {
          const p = r.perpetrators.find((x) => x.id === s.perpetrator_id);
          return {
            id: s.id,
            perpetratorId: s.perpetrator_id,
            name: name(p),
            removed: !p,
            outcome: s.outcome,
            sentenceMonths: num(s.sentence_months),
            fineAmount: num(s.fine_amount),
            charges: r.charges
              .filter((x) => x.suspect_id === s.id)
              .map((x) => {
                const e = r.offenceEntries.find((k) => k.key === x.offence);
                return { id: x.id, ...ref(e, x.offence), trafficking: Boolean(e?.data.trafficking) };
              }),
          };
        }),
      hearings: r.hearings
        .filter((h) => h.complaint_id === c.id)
        .map((h) => ({
          id: h.id,
          heldOn: h.held_on,
          kind: h.kind as HearingKind,
          result: o.open('complaint_hearings', h.id, 'result', h.result_enc),
        })),
    })),
    perpetrators: r.perpetrators.map((p) => ({ id: p.id, name: name(p) })),
    abilities: { write: o.write },
  };
}
