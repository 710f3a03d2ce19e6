// The resolver types live in core (destination policy); re-exported so existing imports work.
export type { HostResolver, ResolvedAddress } from '@evidencekit/core/connector';
export type { WebhookIngestPayload } from './api/signed-payload-schema';
export type { CreateWebhookOptions } from './create-webhook';
export { createWebhook } from './create-webhook';
export { signWebhookPayload } from './sign-webhook-payload';
export { VERSION } from './version';
export type { WebhookConnector } from './webhook-connector';
export { webhookConnector } from './webhook-connector';
export type {
  ParsedWebhookSelector,
  WebhookSelector,
  WebhookSelectorValue,
} from './webhook-selector';
export { webhookSelectorSchema } from './webhook-selector';
export type { WebhookConfig, WebhookSettings } from './webhook-settings';
export { webhookSettingsSchema } from './webhook-settings';
