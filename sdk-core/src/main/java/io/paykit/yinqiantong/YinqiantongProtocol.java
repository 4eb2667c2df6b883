package io.paykit.yinqiantong;

/**
 * The two generations of the 银钱通 wire protocol; a client speaks one, chosen when it is built.
 *
 * <p>They differ in where the credentials and signature travel, how enums are written, what a query
 * returns and how a notification is acknowledged; see {@link YinqiantongClient}.
 */
public enum YinqiantongProtocol {
  /**
   * The seed document's generation (docs 2018-09): {@code appid}, {@code appkey}, {@code ts} and
   * {@code sign} travel as headers, enums as strings ({@code wx}, {@code app}, {@code paid}); base URL
   * {@code https://yinqiantong.com}.
   */
  V1("https://yinqiantong.com"),
  /**
   * The final generation (docs 2019-01), the default: {@code appid}, {@code ts} and {@code sign} travel
   * in the body, enums as numeric strings; base URL {@code https://api.yqtapi.com}.
   */
  V2("https://api.yqtapi.com");

  private final String defaultBaseUrl;

  YinqiantongProtocol(String defaultBaseUrl) {
    this.defaultBaseUrl = defaultBaseUrl;
  }

  /**
   * Returns the base URL a client of this generation uses unless another is configured.
   *
   * @return the default base URL
   */
  public String getDefaultBaseUrl() {
    return defaultBaseUrl;
  }
}
