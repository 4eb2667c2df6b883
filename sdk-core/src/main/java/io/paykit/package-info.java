/**
 * What every PayKit user touches: the exception hierarchy rooted at {@link io.paykit.PayKitException},
 * per-request {@link io.paykit.RequestOptions} and {@link io.paykit.AccessToken}.
 *
 * <p>The gateway clients live in {@code io.paykit.juyifu}, {@code io.paykit.yinqiantong} and {@code
 * io.paykit.qbitpay}.
 */
package io.paykit;
