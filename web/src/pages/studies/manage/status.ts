import type { StudyStatus } from './api';

/** The badge colour of each state (its label comes from studies.statuses.*). */
export const statusColor: Record<StudyStatus, string> = { draft: 'gray', open: 'green', closed: 'dark' };
