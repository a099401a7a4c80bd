package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Community;
import org.porchlight.core.Meeting;
import org.porchlight.core.Member;

/** Someone opening a group's join link (t.me/<bot>?start=c_CODE). */
class JoiningTest extends ConversationDriver {
  private static final Community.Id CIRCLE = new Community.Id("telegram", "-1001987654321");
  private String code;

  @BeforeEach
  void aGroupInLisbonWithDefaults() {
    store.save(
        new Community(
            CIRCLE,
            "Harbour Lights",
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(LocalTime.of(20, 0)),
            Optional.of(ZoneId.of("Europe/Lisbon")),
            List.of(
                new Meeting(
                    "Evening circle",
                    DayOfWeek.TUESDAY,
                    LocalTime.of(19, 0),
                    "https://meet.example.org/circle")),
            Set.of()));
    code = store.joinCode(CIRCLE, "Harbour Lights", "k7m2q9xa");
  }

  @Test
  void someoneNewStartsWithTheGroupsTimeAndZoneAndIsToldSo() {
    say("/start c_" + code);

    String said = text(last);
    assertThat(said)
        .contains("You came from Harbour Lights, so it's your home group now")
        .contains("Your group checks in at 20:00, Europe/Lisbon time");
    Member alex = store.find(ALEX).orElseThrow();
    assertThat(alex.checkInTime()).contains(LocalTime.of(20, 0));
    assertThat(alex.zone()).contains(ZoneId.of("Europe/Lisbon"));
    assertThat(store.homeOf(ALEX).map(Community::id)).contains(CIRCLE);
  }

  @Test
  void aCodeIsReadInAnyCase() {
    say("/start C_" + code.toUpperCase(java.util.Locale.ROOT));

    assertThat(store.homeOf(ALEX).map(Community::id)).contains(CIRCLE);
  }

  @Test
  void someoneAlreadySetUpKeepsTheirOwnTimeAndGetsANewHome() {
    setUp("07:30", "Asia/Kolkata");

    say("/start c_" + code);

    assertThat(text(last))
        .contains("You came from Harbour Lights")
        .doesNotContain("checks in at 20:00");
    Member alex = store.find(ALEX).orElseThrow();
    assertThat(alex.checkInTime()).contains(LocalTime.of(7, 30));
    assertThat(alex.zone()).contains(ZoneId.of("Asia/Kolkata"));
    say("/group");
    // Tuesday 19:00 in Lisbon is 23:30 or 00:30 in Kolkata, depending on the season.
    assertThat(text(last)).startsWith("Evening circle:").contains("your time");
  }

  @Test
  void anOldLinkIsSaidPlainlyAndTheWelcomeGoesOn() {
    say("/start c_nosuchgroup");

    assertThat(text(last))
        .contains("couldn't find the group that link is for")
        .contains("When would you like me to check in"); // onboarding goes on as usual
    assertThat(store.homeOf(ALEX)).isEmpty();
  }
}
