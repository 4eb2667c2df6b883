/**
 * The Qbit Pay gateway: {@link io.paykit.qbitpay.QbitPayClient} for charges, cursor-paged lists and
 * the hosted page's access token, and {@link io.paykit.qbitpay.QbitPayWebhook} to verify webhook
 * events. Wire contract: HTTP Basic with the API key, JSON bodies, amounts as decimals in major units.
 */
package io.paykit.qbitpay;
