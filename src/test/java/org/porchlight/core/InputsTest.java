package org.porchlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How members' typed times, zones, days and button data are read. */
class InputsTest {
  private final Places places = new Places();

  @ParameterizedTest
  @CsvSource({
    "20:00, 20:00",
    "8:30, 08:30",
    "8pm, 20:00",
    "8:15 pm, 20:15",
    "12am, 00:00",
    "12pm, 12:00",
    "20.45, 20:45",
    "7, 07:00",
    "noon, 12:00",
    "07h30, 07:30"
  })
  void timesAreReadAsPeopleWriteThem(String input, String expected) {
    assertThat(TimeInput.parse(input)).contains(LocalTime.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"25:00", "20:61", "13pm", "soon", "", "2000", "-1"})
  void thingsThatAreNotTimesAreNot(String input) {
    assertThat(TimeInput.parse(input)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "Europe/Berlin, Europe/Berlin", "europe/berlin, Europe/Berlin", "Lisbon, Europe/Lisbon",
    "new york, America/New_York", "São Paulo, America/Sao_Paulo", "Manchester, Europe/London",
    "Germany, Europe/Berlin", "'Berlin, Germany', Europe/Berlin", "UTC, UTC",
    "UTC+2, UTC+02:00", "GMT-5, UTC-05:00", "+05:30, UTC+05:30"
  })
  void zonesAreFoundByIdCityCountryOrOffset(String input, String zone) {
    assertThat(places.find(input)).isEqualTo(new Places.Found.Zone(ZoneId.of(zone)));
  }

  @Test
  void aCountryWithSeveralZonesAsksWhichOne() {
    assertThat(places.find("Australia")).isInstanceOf(Places.Found.Several.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Atlantis", "UTC+19", "", "the moon", ",", " , ,"})
  void unknownPlacesAreNotFound(String input) {
    assertThat(places.find(input)).isEqualTo(new Places.Found.Nothing());
  }

  @ParameterizedTest
  @CsvSource({
    "Europe/London, GB", "Europe/Dublin, IE", "America/New_York, US", "America/Toronto, CA",
    "Australia/Sydney, AU", "Pacific/Auckland, NZ", "Europe/Berlin, DE", "Europe/Paris, FR",
    "Europe/Madrid, ES", "Europe/Amsterdam, NL", "Asia/Kolkata, IN", "Africa/Johannesburg, ZA"
  })
  void aZoneTellsItsCountry(String zone, String country) {
    assertThat(places.countryOf(ZoneId.of(zone))).contains(country);
  }

  @Test
  void anOffsetHasNoCountry() {
    assertThat(places.countryOf(ZoneId.of("UTC+02:00"))).isEmpty();
  }

  @Test
  void daysAreReadAsWordsListsAndRanges() {
    assertThat(DaysInput.parse("weekdays"))
        .contains(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(DaysInput.parse("mon, wed and fri"))
        .contains(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
    assertThat(DaysInput.parse("fri-mon"))
        .contains(
            EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY));
    assertThat(DaysInput.parse("Tuesday")).contains(EnumSet.of(DayOfWeek.TUESDAY));
    assertThat(DaysInput.parse("someday")).isEmpty();
    assertThat(DaysInput.parse("t")).isEmpty();
  }

  @Test
  void quietHoursMayWrapPastMidnight() {
    QuietHours night = QuietHours.parse("22:00-08:00").orElseThrow();
    assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(7, 59))).isTrue();
    assertThat(night.contains(LocalTime.of(8, 0))).isFalse();
    assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
    assertThat(QuietHours.parse("9:00 - 17:00"))
        .contains(new QuietHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    assertThat(QuietHours.parse("late")).isEmpty();
  }

  @Test
  void everyButtonFitsTelegramsSixtyFourBytesAndReadsBack() {
    Action[] actions = {
      new Action.Answer(Mood.SKIPPED, LocalDate.of(2026, 12, 31)),
      new Action.SetTime(LocalTime.of(19, 0)),
      new Action.AnotherStep(),
      new Action.TryStep("abcdefghijklmnopqrstuvwx"),
      new Action.Forget(true),
    };
    for (Action action : actions) {
      String data = action.encode();
      assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
      assertThat(Action.decode(data)).contains(action);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2:a:f:20261121", "1:a:x:20261121", "1:a:f:2026", "1:zz", "", "hello"})
  void buttonDataFromAnotherVersionOrNotOursIsNotUnderstood(String data) {
    assertThat(Action.decode(data)).isEmpty();
  }

  @Test
  void commandsDropTheBotNameAndKeepTheirArguments() {
    assertThat(Incoming.Command.parse("/time@PorchlightBot 20:00"))
        .contains(new Incoming.Command("time", "20:00"));
    assertThat(Incoming.Command.parse("/CheckIn")).contains(new Incoming.Command("checkin", ""));
    assertThat(Incoming.Command.parse("/ not a command")).isEmpty();
    assertThat(Incoming.Command.parse("and/or")).isEmpty();
  }
}
