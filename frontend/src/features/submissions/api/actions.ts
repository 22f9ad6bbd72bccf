import type { Submission, SubmissionStatus } from './submissions';

/** What the caller may do with papers, as far as the browser knows (the API decides in the end). */
export interface Abilities {
  /** Admins and coordinators: every body's papers, scheduling, decisions. */
  coordinator: boolean;
  /** The ids of the bodies the caller leads as (deputy) spokesperson. */
  ledBodyIds: readonly string[];
}

export type SubmissionAction = 'edit' | 'submit' | 'withdraw' | 'delete' | 'schedule' | 'recordDecision';

/** Papers are changed, submitted and withdrawn by coordinators and the submitting body's spokespersons. */
export function mayEditPaper(bodyId: string, abilities: Abilities): boolean {
  return abilities.coordinator || abilities.ledBodyIds.includes(bodyId);
}

/** Whether the caller may draft papers at all (a spokesperson for at least one body). */
export function mayDraft(abilities: Abilities): boolean {
  return abilities.coordinator || abilities.ledBodyIds.length > 0;
}

const BY_STATUS: Record<SubmissionStatus, { editor: SubmissionAction[]; coordinator: SubmissionAction[] }> = {
  // A draft that is not wanted is deleted; withdrawing is for papers already submitted.
  draft: { editor: ['edit', 'submit', 'delete'], coordinator: [] },
  submitted: { editor: ['edit', 'withdraw'], coordinator: ['schedule'] },
  // The decision is recorded on the steering meeting's page.
  scheduled: { editor: [], coordinator: ['recordDecision'] },
  decided: { editor: [], coordinator: [] },
  withdrawn: { editor: [], coordinator: [] },
};

/** The actions the detail page offers for a paper in its status. */
export function paperActions(paper: Pick<Submission, 'status' | 'body_id' | 'meeting_id'>, abilities: Abilities): SubmissionAction[] {
  const rules = BY_STATUS[paper.status];
  const actions = [
    ...(mayEditPaper(paper.body_id, abilities) ? rules.editor : []),
    ...(abilities.coordinator ? rules.coordinator : []),
  ];
  return actions.filter((action) => action !== 'recordDecision' || paper.meeting_id !== null);
}

/** Text, links and attachments change while a paper is a draft or submitted. */
export function isEditableStatus(status: SubmissionStatus): boolean {
  return status === 'draft' || status === 'submitted';
}
