package org.porchlight.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingTest {
  @Test
  void aProblemsLineSaysWhatWasFoundThenWhatToDo() {
    assertThat(Finding.problem("HTTP port", "it is taken.", "Free it.").line())
        .isEqualTo("problem  HTTP port: it is taken. Free it.");
  }

  @Test
  void anOkLineIsAlignedWithAProblemsLine() {
    assertThat(Finding.ok("HTTP port", "it is free").line())
        .isEqualTo("ok       HTTP port: it is free");
  }

  @Test
  void nothingIsToBeDoneAboutWhatIsOk() {
    assertThatThrownBy(() -> new Finding("HTTP port", true, "it is free", "Free it."))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
