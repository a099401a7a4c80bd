package org.porchlight.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.testing.TestH2;

/** Meeting events on the embedded H2 file database, as Porchlight runs by default. */
class H2MeetingEventStoreTest extends MeetingEventStoreContract {
  @TempDir Path dir;

  @Override
  Database open() {
    return TestH2.open(dir, 2);
  }
}
