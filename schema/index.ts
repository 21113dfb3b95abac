export * from './common.ts';
export * from './registry.ts';
export * from './flow.ts';
export * from './business-hours.ts';
export * from './template-ref.ts';
export { KNOWLEDGE_LIMITS, KnowledgeEntry, checkKnowledge, knowledgeId } from './knowledge.ts';
export { splitIntoKnowledge } from './knowledge-import.ts';
export { FLOW_LIMITS, flowLimitBreach, nestsDeeperThan, type FlowLimitBreach } from './flow-limits.ts';
export { flowValidators } from './ajv.ts';
export { validateFlow, findFlowProblems, type ValidateFlowOptions } from './validate/validate-flow.ts';
export { variableFields } from './validate/variables.ts';
export { renderProblems, type Problem, type FoundProblem } from './validate/problem-list.ts';
export { capProblems, renderCappedProblems, PROBLEMS_SHOWN_PER_CODE, type CappedProblems, type ProblemCount } from './problem-cap.ts';
export {
  problemCatalogue, problemMessage, problemSeverity, PROBLEM_CODES,
  type ProblemCode, type ErrorCode, type WarningCode, type ProblemLocale,
} from './problems.ts';
export { migrateFlow, supportedVersions, flowMigrations, type Migration } from './migrate.ts';
export { WHATSAPP_LIMITS, FLOW_JSON_LIMITS, DEFAULT_LIST_BUTTON } from './whatsapp-limits.ts';
export { compileLinearPattern, compiledPatternCount, REGEX_LIMITS, type LinearPattern } from './linear-regex.ts';
