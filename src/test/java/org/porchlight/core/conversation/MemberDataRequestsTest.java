package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Reply;

/** {@code /mydata} and {@code /forget}. */
class MemberDataRequestsTest extends ConversationDriver {
  // ---- Data ----

  @Test
  void myDataSendsEverythingAsADocument() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");
    List<Reply> replies = say("/mydata");

    Reply.Document document = replies.get(0).document().orElseThrow();
    assertThat(document.content()).contains("test:alex").contains("2026-11-21 rough");
  }

  @Test
  void forgetAsksFirstThenErasesEverything() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");

    List<Reply> ask = say("/forget");
    assertThat(labels(ask)).containsExactly("Yes, erase everything", "Keep my data");
    assertThat(store.members).containsKey(ALEX);

    press("Yes, erase everything");
    assertThat(store.members).isEmpty();
    assertThat(store.checkIns).isEmpty();
    assertThat(store.steps).isEmpty();
  }

  @Test
  void forgetCanBeCalledOff() {
    setUp("20:00", "Europe/London");
    say("/forget");
    press("Keep my data");

    assertThat(store.members).containsKey(ALEX);
  }

  @Test
  void forgettingAMemberNobodyKnowsSaysSo() {
    assertThat(text(say("/mydata"))).contains("don't have anything");
  }
}
