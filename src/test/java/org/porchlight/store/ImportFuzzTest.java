package org.porchlight.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * An import file, as {@code porchlight import} reads it: whatever it holds, it is read, or refused
 * with a sentence that says where and what was wrong, never with a parser's internals.
 */
class ImportFuzzTest {
  private static final JsonExport EXPORT = new JsonExport();

  @FuzzTest
  void anyFileIsReadOrRefusedInPlainWords(FuzzedDataProvider data) {
    String document = data.consumeRemainingAsString();
    List<JsonExport.Entry> entries;
    try {
      entries = EXPORT.readEach(document);
    } catch (IllegalArgumentException refused) {
      assertPlain(refused.getMessage());
      return;
    }
    for (JsonExport.Entry entry : entries) {
      if (entry instanceof JsonExport.Entry.Unreadable bad) {
        assertPlain(bad.problem());
      } else {
        // What was read is whole enough to be written again.
        EXPORT.write(((JsonExport.Entry.Read) entry).data());
      }
    }
  }

  private static void assertPlain(String problem) {
    assertThat(problem)
        .isNotBlank()
        .doesNotContain("REDACTED")
        .doesNotContain("StreamReadFeature")
        .doesNotContain("com.fasterxml")
        .doesNotContain("Exception");
  }
}
