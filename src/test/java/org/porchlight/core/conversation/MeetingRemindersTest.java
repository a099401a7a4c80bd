package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Community;
import org.porchlight.core.Incoming;
import org.porchlight.core.Meeting;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.Prompt;
import org.porchlight.core.Reply;

/** Reminders before the group meets, as a member asks for them, sees them and stops them. */
class MeetingRemindersTest extends ConversationDriver {
  private static final Community.Id HARBOUR = new Community.Id("discord", "1085261609959558209");
  // Tuesday 24 November 2026, 19:00 in London and 14:00 in New York.
  private static final Instant TUESDAY_CIRCLE = Instant.parse("2026-11-24T19:00:00Z");

  @BeforeEach
  void aCommunityInLondonMeetingOnTuesdays() {
    store.save(
        new Community(
            HARBOUR,
            "Harbour Lights",
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(ZoneId.of("Europe/London")),
            List.of(
                new Meeting(
                    "Tuesday evening circle",
                    DayOfWeek.TUESDAY,
                    LocalTime.of(19, 0),
                    "https://meet.example.org/tue")),
            Set.of()));
    // NOW is Saturday 21 November 2026, 11:00 in New York.
    setUp("20:00", "America/New_York");
    conversation.handle(
        ALEX, new Incoming.Command("checkin", ""), new Community.Place(HARBOUR, "Harbour Lights"));
  }

  private MeetingReminder reminder() {
    return store.meetingReminder(ALEX);
  }

  @Test
  void groupRemindOnSaysHowLongBeforeAndNamesTheNextMeetingInTheMembersTime() {
    say("/group remind on");

    assertThat(text(last))
        .contains("60 minutes before each meeting")
        .contains("Tuesday evening circle: Tuesday at 14:00 your time, in 3 days.");
    assertThat(reminder().on()).isTrue();
    assertThat(reminder().before()).isEqualTo(Duration.ofMinutes(60));
  }

  @Test
  void howLongBeforeIsReadInMinutesOrHoursFromTenMinutesToADay() {
    say("/group remind 30");
    assertThat(text(last)).contains("30 minutes before");
    assertThat(reminder().before()).isEqualTo(Duration.ofMinutes(30));
    say("/group remind 2h");
    assertThat(text(last)).contains("2 hours before");
    say("/group remind 1h30");
    assertThat(reminder().before()).isEqualTo(Duration.ofMinutes(90));

    say("/group remind 5");
    assertThat(text(last)).contains("from 10 minutes to 24 hours");
    say("/group remind 25h");
    assertThat(text(last)).contains("from 10 minutes to 24 hours");
    say("/group remind soon");
    assertThat(text(last)).contains("“soon”").contains("/group remind 30");
    assertThat(reminder().before()).isEqualTo(Duration.ofMinutes(90));
    assertThat(reminder().on()).isTrue();
  }

  @Test
  void quietOkLetsThemComeInQuietHoursAndQuietKeepsThemOut() {
    say("/group remind on");
    say("/group remind quiet-ok");
    assertThat(reminder().inQuietHours()).isTrue();
    say("/group remind");
    assertThat(text(last)).contains("quiet hours or not");

    say("/group remind quiet");
    assertThat(reminder().inQuietHours()).isFalse();
    say("/group remind");
    assertThat(text(last)).contains("never in your quiet hours");
  }

  @Test
  void offIsOffAndSaysHowToComeBack() {
    say("/group remind on");
    say("/group remind off");

    assertThat(reminder().on()).isFalse();
    assertThat(text(last)).contains("/group remind on");
  }

  @Test
  void theFirstRoughDayThatNamesAMeetingOffersARemindAndThePressTurnsThemOn() {
    answerToday("Rough day");
    assertThat(text(last)).contains("Tuesday evening circle");
    assertThat(labels(last)).contains("Remind me before it");

    press("Remind me before it");

    assertThat(reminder().on()).isTrue();
    assertThat(text(last)).contains("60 minutes before each meeting");
  }

  @Test
  void theOfferComesOnceEvenWhenItIsNotTaken() {
    answerToday("Rough day");
    assertThat(labels(last)).contains("Remind me before it");
    clock.advance(Duration.ofDays(1));

    answerToday("Rough day");

    assertThat(labels(last)).doesNotContain("Remind me before it");
    assertThat(reminder().on()).isFalse();
  }

  @Test
  void noOfferToAMemberWhoAlreadyHasThem() {
    say("/group remind on");

    answerToday("Rough day");

    assertThat(labels(last)).doesNotContain("Remind me before it");
  }

  @Test
  void noOfferWhenTheRoughDayNamesNoWeeklyMeeting() {
    store.visits.clear();

    answerToday("Rough day");

    assertThat(labels(last)).doesNotContain("Remind me before it");
    assertThat(reminder().offered()).isFalse();
  }

  @Test
  void theReminderNamesTheMeetingInTheMembersTimeWithOneTapToStop() {
    say("/group remind on");
    clock.set(TUESDAY_CIRCLE.minus(Duration.ofHours(1)));
    // What the sweep notes when it sends one.
    store.remindersSent.put(
        ALEX, List.of(new MeetingReminder.Sent(HARBOUR, TUESDAY_CIRCLE, clock.instant())));

    Reply reminder =
        conversation
            .prompt(Prompt.MEETING_REMINDER, store.members.get(ALEX), LocalDate.of(2026, 11, 24))
            .orElseThrow();

    assertThat(reminder.text())
        .contains("Tuesday evening circle")
        .contains("in 60 minutes")
        .contains("14:00 your time")
        .contains("https://meet.example.org/tue");
    last = List.of(reminder);
    assertThat(labels(last)).containsExactly("Stop these reminders");

    press("Stop these reminders");

    assertThat(reminder().on()).isFalse();
    assertThat(text(last)).contains("no more reminders");
  }

  @Test
  void discordsRemindOptionArrivesAloneAndIsReadTheSame() {
    say("/group 45");
    assertThat(reminder().on()).as(text(last)).isTrue();
    assertThat(reminder().before()).isEqualTo(Duration.ofMinutes(45));

    say("/group off");
    assertThat(reminder().on()).isFalse();
    say("/group");
    assertThat(text(last)).contains("Tuesday evening circle: Tuesday at 14:00 your time");
  }

  @Test
  void helpMentionsGroupRemind() {
    say("/help");

    assertThat(text(last)).contains("/group remind on");
  }

  @Test
  void forgetTakesTheRemindersWithIt() {
    say("/group remind on");
    say("/forget");
    press("Yes, erase everything");

    assertThat(store.meetingReminders).doesNotContainKey(ALEX);
  }
}
