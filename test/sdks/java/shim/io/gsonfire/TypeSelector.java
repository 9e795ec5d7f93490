// TEST-ONLY SHIM for io.gsonfire:gson-fire (see test/sdks/java/shim/README.md).
package io.gsonfire;

import com.google.gson.JsonElement;

public interface TypeSelector<T> {
  Class<? extends T> getClassForElement(JsonElement readElement);
}
