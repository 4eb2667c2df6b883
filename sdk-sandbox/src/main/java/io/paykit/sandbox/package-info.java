/**
 * An embedded and standalone sandbox of the 聚易付, 银钱通 and Qbit Pay gateways, for trying PayKit
 * and for testing a merchant's integration without a gateway account.
 *
 * <p>Start with {@link io.paykit.sandbox.PayKitSandbox}. The sandbox is written from the wire
 * contracts alone and does not depend on PayKit's clients, so a test that drives a client against it
 * checks the client against the documents, not against itself.
 */
package io.paykit.sandbox;
