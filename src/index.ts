/**
 * reflect-code's library API. The command line is a thin shell over these.
 * @packageDocumentation
 */
export { analyse, type AnalyseOptions, type AnalyseResult, type Progress } from './analyse.js';
export { GRID_MODES, GRID_FILES_LIMIT, type GridMode } from './write/grids.js';
export { tabulate, type TabulateOptions, type TabulateResult } from './tabulate.js';
export { readCoding, type CodingOptions } from './read/coding.js';
export { agree, DIMENSIONS, type AgreeOptions, type AgreeResult, type Dimension } from './agree.js';
export { formatAgreement, AGREE_FORMATS, type AgreeFormat } from './agree/format.js';
export { cohensKappa, observedAgreement } from './agree/kappa.js';
export { krippendorffAlpha, type UnitValues } from './agree/alpha.js';
export { landisKoch } from './agree/landis-koch.js';
export { themeAgreement, structureAgreement, type DimensionAgreement, type Figures, type CodeFigures } from './agree/measures.js';
export { loadCodebook, readCodebook, parseCodebook, type CodebookResult } from './codebook/read.js';
export { DEFAULT_CODEBOOK, DEFAULT_STRUCTURE_RULES, DEFAULT_STRUCTURE_MODEL } from './codebook/shipped.js';
export type { Codebook, CodeDef, Rule, RuleKind } from './codebook/types.js';
export { readAnyCodebook, loadAnyCodebook, type AnyCodebook } from './codebook/any.js';
export { traceCodebook, compileCodebook, NEGATION_WINDOW, type CodeTrace, type RuleMatch, type VetoedMatch } from './codebook/match.js';
export { explainText } from './codebook/explain.js';
export { showCodebook, SHOW_FORMATS, type ShowFormat } from './codebook/show.js';
export { importCodebook, exportCodebook, initCodebook, EXPORT_FORMATS, type ExportFormat, type ExportOptions } from './codebook/exchange.js';
export { atLevel, LEVELS, type Level } from './codebook/level.js';
export { codeThemes } from './code/themes.js';
export { tagStructure } from './structure/tag.js';
export { loadStructureTags, loadStructureTagger, activeTags, type ActiveTags, type TaggerChoice } from './structure/active-tags.js';
export { structureScorer, type StructureScorer, type ScoredTag } from './structure/scorer.js';
export { trainStructureModel, evaluateStructureModel, RTN_ATTRIBUTION, type TrainStructureOptions, type EvaluateStructureOptions, type StructureEvaluationResult } from './structure/model/api.js';
export { loadModel, parseModel, modelJson, type StructureModel } from './structure/model/model-file.js';
export { formatEvaluation } from './structure/model/format-evaluation.js';
export { loadCueFile, parseCueFile, type CueFile, type Cue, type TagDef, type NoteDef } from './structure/cue-file.js';
export { compileCues, type SegmentScore, type FiredCue } from './structure/score.js';
export { segment, split, UNITS, type Unit } from './segment/index.js';
export type { Span } from './segment/span.js';
export { planInputs, loadAccounts, type Input, type InputPlan } from './load/inputs.js';
export type { LoadOptions } from './load/options.js';
export { readSegmentsFile, type SegmentRow, type SegmentsFile } from './read/segments.js';
export { grid, type GridOptions } from './grid.js';
export { loadCodingBooks, type CodebookChoice } from './read/coding.js';
export { gridMarkdown, gridCsv, type GridRow } from './write/grid.js';
export { toDoc, type Account, type AccountDoc, type Segment, type CodeHit, type StructureTag, type Transform } from './document.js';
export { ReflectMessage, type Place } from './messages.js';
export { check, type CheckOptions, type CheckResult } from './check/check.js';
export { findIdentifiers } from './check/find.js';
export { checkAnonymity } from './check/stage.js';
export { KINDS, type Kind, type Finding } from './check/kinds.js';
export { SEGMENT_COLUMNS } from './segments-format.js';
