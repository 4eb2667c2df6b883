/**
 * Helpers for inbound webhooks that are not tied to one gateway, such as {@link
 * io.paykit.webhook.EventDeduplicator}.
 */
package io.paykit.webhook;
