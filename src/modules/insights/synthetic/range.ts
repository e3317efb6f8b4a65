/** The privacy budget a researcher may choose for one synthetic release (shared with the web form). */
export const epsilonRange = { min: 0.1, max: 10, default: 1 } as const;
