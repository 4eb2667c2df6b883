/**
 * The 银钱通 (Yinqiantong) gateway: {@link io.paykit.yinqiantong.YinqiantongClient} creates and queries
 * orders and verifies payment notifications, in either protocol generation ({@link
 * io.paykit.yinqiantong.YinqiantongProtocol}).
 *
 * <p>Amounts are integer fen ({@code long}). A create is never blindly resent: after an ambiguous
 * failure the client reconciles through the order's {@code client_out_trade_no}, which the gateway
 * keeps unique per app.
 */
package io.paykit.yinqiantong;
