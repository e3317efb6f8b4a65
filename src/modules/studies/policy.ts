import { type Actor, can } from '../access/index';

// Who may do what with a study: pure functions over the study's owner and status and whether any of its places
// lies in the actor's jurisdiction (the caller works that out).

export interface StudyFacts {
  ownerOrgId: string;
  status: string;
  /** True when at least one of the study's places lies in the actor's jurisdiction. */
  placeInJurisdiction: boolean;
}

/** Manages the study: a studies:manage user of its owner organisation (the coordinator). */
export const owns = (actor: Actor, s: Pick<StudyFacts, 'ownerOrgId'>) =>
  can(actor, 'studies:manage') && actor.orgId === s.ownerOrgId;

/** Collects answers: an interviewer, the study open, one of its places in the interviewer's jurisdiction. */
export const collects = (actor: Actor, s: StudyFacts) =>
  can(actor, 'studies:collect') && s.status === 'open' && s.placeInJurisdiction;

/** May read counts under disclosure control: study managers of any organisation and aggregate readers. */
export const mayAnalyseAny = (actor: Actor) => can(actor, 'studies:manage') || can(actor, 'insights:aggregate');

/** Sees the study's analysis: its owners, or analysts whose jurisdiction covers a place of a study past its draft. */
export const analyses = (actor: Actor, s: StudyFacts) =>
  owns(actor, s) || (mayAnalyseAny(actor) && s.status !== 'draft' && s.placeInJurisdiction);

/** Sees the study at all (otherwise it answers 404, so its existence never leaks). */
export const sees = (actor: Actor, s: StudyFacts) => owns(actor, s) || collects(actor, s) || analyses(actor, s);

/** May create a study (it belongs to the actor's organisation). */
export const mayCreate = (actor: Actor) => can(actor, 'studies:manage');

/** May list studies at all (403 otherwise). */
export const mayBrowse = (actor: Actor) => can(actor, 'studies:collect') || mayAnalyseAny(actor);

/** What a study page offers the actor. */
export const abilities = (actor: Actor, s: StudyFacts) => ({
  update: owns(actor, s),
  collect: collects(actor, s),
  analyse: analyses(actor, s),
  exportRaw: owns(actor, s),
});
