/**
 * The transport every gateway client uses: {@link io.paykit.http.Transport} with its ordered
 * {@link io.paykit.http.Interceptor} chain (authentication → signing → retry → logging), requests,
 * responses, token caching and error mapping.
 *
 * <p>Gateway clients are built on these types; merchant code rarely touches them directly.
 */
package io.paykit.http;
