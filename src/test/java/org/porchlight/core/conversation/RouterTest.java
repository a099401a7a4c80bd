package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Incoming;
import org.porchlight.core.Reply;
import org.porchlight.core.TestContent;

/** Commands the router answers itself, and one it does not know. */
class RouterTest extends ConversationDriver {
  // ---- Everything else ----

  @Test
  void unknownCommandPointsToHelp() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/dance"))).contains("/dance").contains("/help");
  }

  @Test
  void anUnknownCommandNameIsSaidBackWithoutControlCharacters() {
    setUp("20:00", "Europe/London");

    List<Reply> replies =
        conversation.handle(ALEX, new Incoming.Command("da\u0001nce\u001b[31m", ""));

    assertThat(text(replies)).contains("/dance[31m").doesNotContain("\u0001", "\u001b");
  }

  @Test
  void helpListsTheCommands() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/help"))).contains("/checkin").contains("/forget").contains("/pause");
  }

  @Test
  void aboutSaysWhatPorchlightIsNot() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/about"))).contains("not therapy").contains("not an emergency service");
  }

  @Test
  void groupShowsTheMeeting() {
    setUp("20:00", "Europe/London");

    assertThat(text(say("/group"))).contains(TestContent.MEETING_URL).contains("Thursdays");
  }

  @Test
  void historyCountsTheDaysCheckedInThisMonth() {
    setUp("20:00", "Europe/London");
    say("/checkin");
    press("Rough day");
    clock.advance(Duration.ofDays(1));
    say("/checkin");
    press("Honestly fine");

    assertThat(text(say("/history"))).contains("November: 2 (1 fine, 1 rough)");
  }
}
