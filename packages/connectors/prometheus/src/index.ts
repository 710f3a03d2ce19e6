export { createPrometheus } from './create-prometheus';
export { prometheusConnector } from './prometheus-connector';
export type { PrometheusSelector } from './prometheus-selector';
export type { PrometheusSettings } from './prometheus-settings';
export { VERSION } from './version';
