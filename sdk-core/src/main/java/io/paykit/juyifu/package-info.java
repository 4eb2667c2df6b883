/**
 * The 聚易付 (Juyifu / Mixpay) client: {@link io.paykit.juyifu.JuyifuClient}, its params builders,
 * response models and notification verification.
 *
 * <p>The wire contract is {@code shared/api/README.md} §1. The 2014 protocol (signing, the order
 * query, the platform's signature, the {@code success} reply) is FOUND in the gateway's SDKs; the
 * 2013 REST draft's orders are FOUND as a draft; refunds, sold items, channels, bills and the token
 * endpoint are PayKit's proposal where the gateway documents only headings, and their Javadoc says
 * "experimental".
 */
package io.paykit.juyifu;
