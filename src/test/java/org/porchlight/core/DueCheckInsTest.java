package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.porchlight.core.DueCheckIns.Decision;

class DueCheckInsTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Instant JOINED = Instant.parse("2026-11-20T12:00:00Z");
  private static final DueCheckIns RULES = new DueCheckIns(ConversationOptions.DEFAULT);

  private static Member member(LocalTime time, Instant after) {
    Member member =
        Member.arriving(new MemberId("telegram", "1001"), "en", JOINED)
            .withCheckInTime(time)
            .withZone(LONDON);
    return member.withNextCheckInAt(CheckInSchedule.next(member, after));
  }

  @Test
  void onTimeTheQuestionIsAskedWithAReminderThreeHoursLater() {
    Instant due = Instant.parse("2026-11-21T08:30:00Z");
    Member alex = member(LocalTime.of(8, 30), JOINED);

    DueCheckIns.Outcome outcome = RULES.due(alex, true, due);

    assertThat(outcome.decision())
        .isEqualTo(
            new Decision.Ask(
                LocalDate.of(2026, 11, 21), Optional.of(due.plus(Duration.ofHours(3)))));
    assertThat(outcome.member().nextCheckInAt()).contains(due.plus(Duration.ofDays(1)));
  }

  @Test
  void anEveningCheckInHasNoReminderWhenThreeHoursLaterIsQuiet() {
    Instant due = Instant.parse("2026-11-21T20:00:00Z");

    Decision decision = RULES.due(member(LocalTime.of(20, 0), JOINED), true, due).decision();

    assertThat(decision).isEqualTo(new Decision.Ask(LocalDate.of(2026, 11, 21), Optional.empty()));
  }

  @Test
  void aReminderNeverCrossesIntoTheNextDay() {
    Member late =
        member(LocalTime.of(22, 30), JOINED)
            .withQuietHours(new QuietHours(LocalTime.of(3, 0), LocalTime.of(6, 0)));
    late = late.withNextCheckInAt(CheckInSchedule.next(late, JOINED));

    Decision decision = RULES.due(late, true, Instant.parse("2026-11-20T22:30:00Z")).decision();

    assertThat(decision).isEqualTo(new Decision.Ask(LocalDate.of(2026, 11, 20), Optional.empty()));
  }

  @Test
  void whenTheClocksGoBackARepeatedTimeIsAskedOnce() {
    // London's clocks go back at 02:00 BST on 25 October 2026: 01:30 happens twice.
    Member night =
        member(LocalTime.of(1, 30), Instant.parse("2026-10-24T12:00:00Z"))
            .withQuietHours(new QuietHours(LocalTime.of(3, 0), LocalTime.of(6, 0)));
    night =
        night.withNextCheckInAt(CheckInSchedule.next(night, Instant.parse("2026-10-24T12:00:00Z")));
    Instant first = Instant.parse("2026-10-25T00:30:00Z");
    assertThat(night.nextCheckInAt()).contains(first);

    DueCheckIns.Outcome outcome = RULES.due(night, true, first);

    assertThat(outcome.decision()).isInstanceOf(Decision.Ask.class);
    // Not the second 01:30 an hour later (01:30 GMT), but the next day's.
    assertThat(outcome.member().nextCheckInAt()).contains(Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void onADayNotChosenNothingIsAskedAfterDowntime() {
    Member weekdays =
        member(LocalTime.of(8, 30), JOINED)
            .withDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    // Due Friday 20th; down until Saturday 10:00.
    weekdays = weekdays.withNextCheckInAt(Optional.of(Instant.parse("2026-11-20T08:30:00Z")));

    DueCheckIns.Outcome outcome = RULES.due(weekdays, true, Instant.parse("2026-11-21T10:00:00Z"));

    assertThat(outcome.decision()).isInstanceOf(Decision.Pass.class);
    assertThat(outcome.member().nextCheckInAt()).contains(Instant.parse("2026-11-23T08:30:00Z"));
  }

  @Test
  void inQuietHoursNothingIsAsked() {
    Member alex = member(LocalTime.of(21, 0), JOINED);

    Decision decision = RULES.due(alex, true, Instant.parse("2026-11-20T22:01:00Z")).decision();

    assertThat(decision).isEqualTo(new Decision.Pass("quiet hours"));
  }

  @Test
  void aMemberWhoCannotBeReachedIsNotAskedButMovesOn() {
    DueCheckIns.Outcome outcome =
        RULES.due(
            member(LocalTime.of(8, 30), JOINED), false, Instant.parse("2026-11-21T08:30:00Z"));

    assertThat(outcome.decision()).isEqualTo(new Decision.Pass("unreachable"));
    assertThat(outcome.member().nextCheckInAt()).contains(Instant.parse("2026-11-22T08:30:00Z"));
  }

  @Test
  void afterSilentDaysTheLightIsLeftOnAndCheckInsStop() {
    Instant due = Instant.parse("2026-11-28T08:30:00Z");
    Member quiet = member(LocalTime.of(8, 30), due.minusSeconds(1));
    quiet = quiet.withContact(Contact.since(due.minus(Duration.ofDays(7))));

    DueCheckIns.Outcome outcome = RULES.due(quiet, true, due);

    assertThat(outcome.decision()).isEqualTo(new Decision.LightsOn(LocalDate.of(2026, 11, 28)));
    assertThat(outcome.member().nextCheckInAt()).isEmpty();
    assertThat(outcome.member().contact().lightsOnAt()).contains(due);
  }

  @Test
  void theReminderGoesOnlyOnItsDayOutsideQuietHoursAndUnanswered() {
    Member alex = member(LocalTime.of(8, 30), JOINED);
    LocalDate day = LocalDate.of(2026, 11, 21);

    assertThat(RULES.remindNow(alex, true, day, false, Instant.parse("2026-11-21T11:30:00Z")))
        .isTrue();
    assertThat(RULES.remindNow(alex, true, day, true, Instant.parse("2026-11-21T11:30:00Z")))
        .as("answered")
        .isFalse();
    assertThat(RULES.remindNow(alex, true, day, false, Instant.parse("2026-11-21T22:30:00Z")))
        .as("quiet hours")
        .isFalse();
    assertThat(RULES.remindNow(alex, true, day, false, Instant.parse("2026-11-22T11:30:00Z")))
        .as("the next day")
        .isFalse();
    assertThat(RULES.remindNow(alex, false, day, false, Instant.parse("2026-11-21T11:30:00Z")))
        .as("unreachable")
        .isFalse();
    Member paused = alex.withPause(true, Optional.empty());
    assertThat(RULES.remindNow(paused, true, day, false, Instant.parse("2026-11-21T11:30:00Z")))
        .as("paused")
        .isFalse();
  }

  @Test
  void aQueuedCheckInStaysTimelyOnlyOnItsDayAndOutsideQuietHours() {
    Member alex = member(LocalTime.of(21, 30), JOINED);
    LocalDate day = LocalDate.of(2026, 11, 21);

    assertThat(RULES.stillTimely(alex, Prompt.CHECK_IN, day, Instant.parse("2026-11-21T21:50:00Z")))
        .isTrue();
    assertThat(RULES.stillTimely(alex, Prompt.CHECK_IN, day, Instant.parse("2026-11-21T22:10:00Z")))
        .isFalse();
    assertThat(RULES.stillTimely(alex, Prompt.CHECK_IN, day, Instant.parse("2026-11-22T09:00:00Z")))
        .isFalse();
    assertThat(
            RULES.stillTimely(alex, Prompt.LIGHTS_ON, day, Instant.parse("2026-11-21T21:50:00Z")))
        .as("the member wrote before the light's-on went")
        .isFalse();
  }

  @Test
  void aDayTakenOutOfTheMembersDaysGetsNoReminderAndNoCheckInStillWaiting() {
    // Found by the simulated month (seed 20260307): asked on a Sunday, the member then chose
    // weekdays only, and was reminded that Sunday evening all the same.
    Member alex = member(LocalTime.of(8, 30), JOINED);
    LocalDate saturday = LocalDate.of(2026, 11, 21);
    Member weekdays = alex.withDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    Instant lateMorning = Instant.parse("2026-11-21T11:30:00Z");

    assertThat(RULES.remindNow(weekdays, true, saturday, false, lateMorning)).isFalse();
    assertThat(RULES.stillTimely(weekdays, Prompt.REMINDER, saturday, lateMorning)).isFalse();
    assertThat(RULES.stillTimely(weekdays, Prompt.CHECK_IN, saturday, lateMorning)).isFalse();
  }
}
