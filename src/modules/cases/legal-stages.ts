/** Stages of the legal process a case may go through (shared by the API and the web app). */
export const legalStages = ['Complaint', 'Investigation', 'Charges', 'Trial', 'Judgment', 'Appeal'] as const;
