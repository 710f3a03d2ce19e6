import type { EvidenceRecord, Fact } from '../evidence/evidence-schema';
import type { FactStatus } from '../evidence/fact-status';
import type { GateDecision, GateFinding } from '../gate/gate-decision';
import { escapeXmlAttribute, escapeXmlText } from './escape-xml';
import { groupRecordsByScope, type ScopeGroup } from './group-records-by-scope';
import { prepareReportInput, type ReportInput } from './report-input';

/** One `<testcase>` before it is written. */
interface TestCase {
  classname: string;
  name: string;
  status: FactStatus;
  /** `<failure>`'s message: the reason, or why it is not passed. */
  message: string;
  /** The lines of the body: status, value, threshold, reason, action, time, source. */
  details: string[];
}

/** One `<testsuite>` before it is written. */
interface TestSuite {
  name: string;
  timestamp: string | undefined;
  properties: Array<[name: string, value: string]>;
  cases: TestCase[];
}

/**
 * Renders JUnit XML so a CI system shows the evidence in its test view: one `<testsuite>` per
 * service and environment, one `<testcase>` per fact, and, when a decision is given, a
 * `release gate` suite with the decision and each blocking problem that is not already a
 * fact's test case (a required fact with no record, an uncovered environment, no records).
 * Each fact appears once, so a failed fact is exactly one `<failure>`; the decision case is a
 * `<failure>` too when the gate did not pass, and lists in its body the facts that block.
 *
 * Nothing that is not passed may look green, and JUnit consumers disagree about `<error>` and
 * `<skipped>` (several hide skipped tests or count them as passed). So every fact that is not
 * passed is a `<failure>` whose `type` is its status (`failed`, `unavailable` or `pending`) and
 * whose `message` is its reason; `<error>` and `<skipped>` are never used. No records at all,
 * and a record without facts, are failures too. `timestamp` is the oldest `observedAt` of the
 * suite, in UTC.
 *
 * @example
 * ```ts
 * await writeFile('evidence-junit.xml', renderJunitReport({ records, decision }));
 * ```
 */
export function renderJunitReport(input: ReportInput): string {
  const { records, decision } = prepareReportInput(input);
  const suites = groupRecordsByScope(records).map(scopeSuite);
  if (records.length === 0) {
    suites.push({
      name: 'evidence',
      timestamp: undefined,
      properties: [],
      cases: [
        {
          classname: 'evidence',
          name: 'evidence records',
          status: 'unavailable',
          message: 'no_data: no evidence records were given',
          details: ['status: unavailable', 'reason: no_data: no evidence records were given'],
        },
      ],
    });
  }
  if (decision !== undefined) {
    const shown = new Map<string, FactStatus>();
    for (const record of records) {
      for (const fact of record.facts) {
        const key = findingKey({
          service: record.scope.service,
          environment: record.scope.environment,
          connector: record.connector,
          fact: fact.name,
        });
        if (fact.status !== 'passed') shown.set(key, fact.status);
      }
    }
    suites.push(gateSuite(decision, shown));
  }

  const totals = countCases(suites.flatMap((suite) => suite.cases));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="evidencekit" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="0" time="0">`,
  ];
  for (const suite of suites) lines.push(...writeSuite(suite));
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function scopeSuite(group: ScopeGroup): TestSuite {
  const classPrefix = `${group.service}/${group.environment}`;
  const cases: TestCase[] = [];
  for (const record of group.records) {
    const classname = `${classPrefix}/${record.connector}`;
    if (record.facts.length === 0) {
      const message = `no_data: ${record.connector} reported no facts`;
      cases.push({
        classname,
        name: '(no facts)',
        status: 'unavailable',
        message,
        details: ['status: unavailable', `reason: ${message}`, ...recordDetails(record)],
      });
    }
    for (const fact of record.facts) cases.push(factCase(classname, record, fact));
  }
  const properties: Array<[string, string]> = [
    ['workspace', group.workspaceId],
    ['service', group.service],
    ['environment', group.environment],
  ];
  for (const record of group.records) {
    const release = record.scope.release;
    if (release === undefined) continue;
    for (const [name, value] of [
      ['release.version', release.version],
      ['release.commit', release.commit],
      ['release.artifactDigest', release.artifactDigest],
    ] as const) {
      if (value !== undefined && !properties.some(([n, v]) => n === name && v === value)) {
        properties.push([name, value]);
      }
    }
  }
  const observed = group.records.map((record) => record.freshness.observedAt);
  return {
    name: `${group.service} / ${group.environment}`,
    timestamp: oldestTimestamp(observed),
    properties,
    cases,
  };
}

function factCase(classname: string, record: EvidenceRecord, fact: Fact): TestCase {
  const details = [`status: ${fact.status}`];
  if (fact.value !== undefined) details.push(`value: ${fact.value}`);
  if (fact.threshold !== undefined) details.push(`threshold: ${fact.threshold}`);
  if (fact.reason !== undefined)
    details.push(`reason: ${fact.reason.code}: ${fact.reason.message}`);
  if (fact.action !== undefined) details.push(`action: ${fact.action}`);
  details.push(...recordDetails(record));
  if (fact.source?.url !== undefined) details.push(`source: ${fact.source.url}`);
  if (fact.source?.query !== undefined) details.push(`query: ${fact.source.query}`);
  if (fact.source?.link !== undefined) details.push(`link: ${fact.source.link}`);
  return {
    classname,
    name: fact.name,
    status: fact.status,
    message:
      fact.reason === undefined ? fact.status : `${fact.reason.code}: ${fact.reason.message}`,
    details,
  };
}

function recordDetails(record: EvidenceRecord): string[] {
  return [
    `observed at: ${record.freshness.observedAt} (valid for ${record.freshness.maxAgeSeconds} s)`,
  ];
}

function gateSuite(decision: GateDecision, shown: ReadonlyMap<string, FactStatus>): TestSuite {
  const summary = summaryAfterOutcome(decision);
  const decisionCase: TestCase = {
    classname: 'release gate',
    name: 'decision',
    status:
      decision.decision === 'pass' ? 'passed' : decision.decision === 'fail' ? 'failed' : 'pending',
    message: `${decision.decision}: ${summary}`,
    details: [`decision: ${decision.decision}`, `summary: ${summary}`],
  };
  if (decision.decision === 'hold')
    decisionCase.details.push('hold: not yet proven, do not release');
  const cases = [decisionCase];
  for (const finding of decision.blocking) {
    const shownStatus = finding.fact === undefined ? undefined : shown.get(findingKey(finding));
    if (shownStatus === finding.status) {
      // Already a failing test case of its service's suite: named here, not counted twice.
      // A fact the gate judged otherwise (stale at evaluation time) keeps its own case.
      decisionCase.details.push(`blocking: ${describeFinding(finding)}`);
    } else {
      cases.push(findingCase(finding));
    }
  }
  return {
    name: 'release gate',
    timestamp: oldestTimestamp([decision.evaluatedAt]),
    properties: [['decision', decision.decision]],
    cases,
  };
}

/** The decision's summary without the outcome it starts with (`fail: …`). */
function summaryAfterOutcome(decision: GateDecision): string {
  const prefix = `${decision.decision}: `;
  return decision.summary.startsWith(prefix)
    ? decision.summary.slice(prefix.length)
    : decision.summary;
}

/** Identifies a fact across records and findings: scope, connector and fact name. */
function findingKey(item: {
  service?: string | undefined;
  environment?: string | undefined;
  connector?: string | undefined;
  fact?: string | undefined;
}): string {
  return JSON.stringify([item.service, item.environment, item.connector, item.fact]);
}

function describeFinding(finding: GateFinding): string {
  const scope = [finding.service, finding.environment].filter(Boolean).join('/');
  return `${[scope, finding.connector, finding.fact].filter(Boolean).join(' ')} (${finding.status})`;
}

function findingCase(finding: GateFinding): TestCase {
  const scope = [finding.service, finding.environment, finding.connector]
    .filter((part) => part !== undefined)
    .join('/');
  const details = [`status: ${finding.status}`];
  if (finding.value !== undefined) details.push(`value: ${finding.value}`);
  if (finding.threshold !== undefined) details.push(`threshold: ${finding.threshold}`);
  if (finding.reason !== undefined) {
    details.push(`reason: ${finding.reason.code}: ${finding.reason.message}`);
  }
  if (finding.action !== undefined) details.push(`action: ${finding.action}`);
  if (finding.observedAt !== undefined) details.push(`observed at: ${finding.observedAt}`);
  if (finding.key) details.push('key fact');
  return {
    classname: scope === '' ? 'release gate' : `release gate/${scope}`,
    name: finding.fact ?? finding.reason?.message ?? '(gate)',
    status: finding.status,
    message:
      finding.reason === undefined
        ? finding.status
        : `${finding.reason.code}: ${finding.reason.message}`,
    details,
  };
}

function writeSuite(suite: TestSuite): string[] {
  const counts = countCases(suite.cases);
  const timestamp =
    suite.timestamp === undefined ? '' : ` timestamp="${escapeXmlAttribute(suite.timestamp)}"`;
  const lines = [
    `  <testsuite name="${escapeXmlAttribute(suite.name)}" tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="0" time="0"${timestamp}>`,
  ];
  if (suite.properties.length > 0) {
    lines.push('    <properties>');
    for (const [name, value] of suite.properties) {
      lines.push(
        `      <property name="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(value)}"/>`,
      );
    }
    lines.push('    </properties>');
  }
  for (const testCase of suite.cases) {
    const attributes = `classname="${escapeXmlAttribute(testCase.classname)}" name="${escapeXmlAttribute(testCase.name)}" time="0"`;
    const body = escapeXmlText(testCase.details.join('\n'));
    if (testCase.status === 'passed') {
      lines.push(`    <testcase ${attributes}>`, `      <system-out>${body}</system-out>`);
    } else {
      lines.push(
        `    <testcase ${attributes}>`,
        `      <failure type="${testCase.status}" message="${escapeXmlAttribute(testCase.message)}">${body}</failure>`,
      );
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return lines;
}

function countCases(cases: readonly TestCase[]): { tests: number; failures: number } {
  return {
    tests: cases.length,
    failures: cases.filter((testCase) => testCase.status !== 'passed').length,
  };
}

/** The oldest of ISO times, as UTC `YYYY-MM-DDTHH:MM:SSZ`; undefined when none parses. */
function oldestTimestamp(times: readonly string[]): string | undefined {
  const parsed = times.map((time) => Date.parse(time)).filter((time) => !Number.isNaN(time));
  if (parsed.length === 0) return undefined;
  return new Date(Math.min(...parsed)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
