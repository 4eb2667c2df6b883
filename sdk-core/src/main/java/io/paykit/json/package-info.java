/**
 * The shared Moshi set-up: {@link io.paykit.json.PayKitJson#moshi()} and the qualifiers for the
 * gateways' timestamp formats.
 */
package io.paykit.json;
