/** The defaults of the training options (penalty, passes, least feature count, weight of a written clause). */
export const TRAIN_DEFAULTS = { l2: 0.01, iterations: 300, minCount: 3, writtenWeight: 3 } as const;
