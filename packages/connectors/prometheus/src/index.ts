export { createPrometheus } from './create-prometheus';
export { prometheusConnector } from './prometheus-connector';
export type { ParsedPrometheusSelector, PrometheusSelector } from './prometheus-selector';
export { prometheusSelectorSchema } from './prometheus-selector';
export type { PrometheusConfig, PrometheusSettings } from './prometheus-settings';
export { prometheusSettingsSchema } from './prometheus-settings';
export { VERSION } from './version';
