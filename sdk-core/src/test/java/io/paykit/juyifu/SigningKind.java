package io.paykit.juyifu;

import okhttp3.mockwebserver.MockWebServer;

/**
 * The two FOUND signing schemes, for wire tests that run once with each: a client configured for the
 * scheme, and an independent recomputation of the sign from the expected canonical string.
 */
enum SigningKind {
  MD5(1) {
    @Override
    JuyifuClient.Builder client(MockWebServer server) {
      return TestSupport.md5Client(server);
    }

    @Override
    String sign(String canonical) {
      return TestSupport.md5Hex(canonical + TestSupport.SECRET);
    }
  },
  RSA(2) {
    @Override
    JuyifuClient.Builder client(MockWebServer server) {
      return TestSupport.rsaClient(server);
    }

    @Override
    String sign(String canonical) {
      return TestSupport.sha1WithRsa(canonical);
    }
  };

  final int signType;

  SigningKind(int signType) {
    this.signType = signType;
  }

  abstract JuyifuClient.Builder client(MockWebServer server);

  /** The sign of the sorted {@code k=v&…} string, computed with the JDK, not the code under test. */
  abstract String sign(String canonical);

  /** The {@code &sign_type=…&sign=…} tail the client appends, URL-encoded. */
  String tail(String canonical) {
    return "&sign_type=" + signType + "&sign=" + TestSupport.enc(sign(canonical));
  }
}
