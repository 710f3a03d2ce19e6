// Reports: JSON, Markdown (PR comment) and JUnit XML.

export { renderJsonReport } from './render-json-report';
export { renderJunitReport } from './render-junit-report';
export type { MarkdownReportInput } from './render-markdown-report';
export { GITHUB_COMMENT_CHARACTER_LIMIT, renderMarkdownReport } from './render-markdown-report';
export type { ReportInput } from './report-input';
