package org.porchlight.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;
import org.porchlight.core.port.StoreUnavailable;

/**
 * A store that can't be reached while {@code away} says so, as a database that stopped: each call
 * throws {@link StoreUnavailable}; otherwise it is the real store. For the moments a test needs the
 * database gone without a server to stop.
 */
public final class AwayWhile {
  private AwayWhile() {}

  public static <T> T away(Class<T> port, T real, BooleanSupplier away) {
    Object proxy =
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) return method.invoke(real, args);
              if (away.getAsBoolean()) {
                throw new StoreUnavailable("the database can't be reached (a test's)", null);
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
    return port.cast(proxy);
  }
}
