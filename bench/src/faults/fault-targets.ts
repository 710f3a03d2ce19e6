import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConnectorConformanceOptions } from '@evidencekit/testing';
// Each connector's own conformance configuration, so the matrix faults exactly what the
// connectors' tests fault, with the same fixtures.
import { conformanceOptions as githubActions } from '../../../packages/connectors/github-actions/test/conformance-options';
import { conformanceOptions as kubernetes } from '../../../packages/connectors/kubernetes/test/conformance-options';
import { conformanceOptions as prometheus } from '../../../packages/connectors/prometheus/test/conformance-options';
import {
  conformanceReport,
  trivyConformanceOptions,
} from '../../../packages/connectors/trivy/test/conformance-options';
import { conformanceOptions as webhook } from '../../../packages/connectors/webhook/test/conformance-options';

/** Every connector of the repository, as its conformance suite runs it. */
export function faultTargets(): ConnectorConformanceOptions[] {
  // Trivy reads a local report: write the one its suite uses into a throwaway folder.
  const reportPath = path.join(
    mkdtempSync(path.join(tmpdir(), 'evidencekit-bench-trivy-')),
    'trivy.json',
  );
  writeFileSync(reportPath, JSON.stringify(conformanceReport));
  const targets = [
    githubActions,
    prometheus,
    kubernetes,
    trivyConformanceOptions(reportPath),
    webhook,
  ];
  // Each list entry has its own connector type; the kit runs any of them.
  return targets as unknown as ConnectorConformanceOptions[];
}
