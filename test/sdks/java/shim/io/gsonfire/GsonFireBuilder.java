// TEST-ONLY SHIM for io.gsonfire:gson-fire (see test/sdks/java/shim/README.md).
package io.gsonfire;

import com.google.gson.GsonBuilder;

public final class GsonFireBuilder {
  /** gson-fire with nothing registered hands back a plain GsonBuilder. */
  public GsonBuilder createGsonBuilder() {
    return new GsonBuilder();
  }

  /** Only discriminator (polymorphic) models call this; the shim cannot stand in for it. */
  public <T> GsonFireBuilder registerTypeSelector(Class<T> clazz, TypeSelector<T> selector) {
    throw new UnsupportedOperationException(
        "test-only gson-fire shim: the spec now has a discriminator, so the Java SDK needs the real gson-fire to be tested");
  }
}
