package org.porchlight.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.testing.TestH2;

/** Buddies and reach-outs on the embedded H2 file database, as Porchlight runs by default. */
class H2PeopleStoreTest extends PeopleStoreContract {
  @TempDir Path dir;

  @Override
  Database open() {
    return TestH2.open(dir, 2);
  }
}
