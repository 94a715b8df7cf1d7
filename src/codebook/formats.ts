/** The formats a codebook can be exported to. */
export const EXPORT_FORMATS = ['qdc', 'yaml'] as const;

/** A format a codebook can be exported to: REFI-QDA `.qdc`, or reflect-code YAML. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
