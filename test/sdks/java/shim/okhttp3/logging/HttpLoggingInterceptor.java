// TEST-ONLY SHIM for com.squareup.okhttp3:logging-interceptor (see test/sdks/java/shim/README.md).
package okhttp3.logging;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

public final class HttpLoggingInterceptor implements Interceptor {
  public enum Level { NONE, BASIC, HEADERS, BODY }

  public HttpLoggingInterceptor() {
    throw new UnsupportedOperationException("test-only logging-interceptor shim: setDebugging(true) needs the real artifact");
  }

  public HttpLoggingInterceptor setLevel(Level level) {
    return this;
  }

  @Override
  public Response intercept(Interceptor.Chain chain) throws IOException {
    return chain.proceed(chain.request());
  }
}
