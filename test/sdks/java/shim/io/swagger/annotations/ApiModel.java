// TEST-ONLY SHIM for io.swagger:swagger-annotations 1.5 (see test/sdks/java/shim/README.md): the elements the SDK uses.
package io.swagger.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiModel {
  String value() default "";

  String description() default "";
}
