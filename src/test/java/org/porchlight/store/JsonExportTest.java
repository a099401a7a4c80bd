package org.porchlight.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.porchlight.core.Buddy;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Community;
import org.porchlight.core.Member;
import org.porchlight.core.MemberData;
import org.porchlight.core.MemberId;
import org.porchlight.core.Mood;
import org.porchlight.core.Pod;
import org.porchlight.core.ReachOut;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.StepGiven;
import org.porchlight.core.Via;

class JsonExportTest {
  private static final Instant T0 = Instant.parse("2026-11-21T16:00:00Z");
  private static final MemberId ALEX = new MemberId("console", "local");
  private final JsonExport export = new JsonExport();

  private static MemberData data() {
    Member member =
        Member.arriving(ALEX, "en", T0)
            .withCheckInTime(LocalTime.of(20, 0))
            .withZone(ZoneId.of("Europe/London"))
            .withPause(true, Optional.of(LocalDate.of(2026, 12, 1)));
    CheckIn checkIn =
        CheckIn.prompted(ALEX, LocalDate.of(2026, 11, 21), T0)
            .answered(Mood.ROUGH, Via.BUTTON, T0.plusSeconds(30));
    return new MemberData(
        member,
        List.of(checkIn),
        List.of(new StepGiven(ALEX, "walk", T0)),
        List.of(
            new Community.Visit(
                new Community.Id("discord", "135197118292819968"), "Harbour Lights", T0)),
        Pod.EMPTY
            .with(new Pod.Entry(Pod.Ring.CORE, "Marisol"))
            .with(new Pod.Entry(Pod.Ring.OUTER, "Thursday group")),
        SafetyPlan.EMPTY.with(
            SafetyPlan.Section.WARNING_SIGNS, Optional.of("I stop answering the phone")));
  }

  @Test
  void oneMembersExportHasTheDesignsShape() {
    String json = export.write(data());

    assertThat(json)
        .contains("\"member\": {")
        .contains("\"checkIns\": [")
        .contains("\"date\": \"2026-11-21\"")
        .contains("\"mood\": \"rough\"")
        .contains("\"answeredAt\": \"2026-11-21T16:00:30Z\"")
        .contains("\"via\": \"button\"")
        .contains("\"communities\": [")
        .contains("\"name\": \"Harbour Lights\"")
        .contains("\"pod\": [")
        .contains("\"ring\": \"core\"")
        .contains("\"name\": \"Marisol\"")
        .contains("\"plan\": {")
        .contains("\"warning-signs\": \"I stop answering the phone\"");
  }

  @Test
  void anExportWrittenBeforePodsAndPlansReadsWithNeither() {
    String before =
        export
            .write(data())
            .replaceAll("(?s),\\s*\"pod\": \\[.*?\\]", "")
            .replaceAll("(?s),\\s*\"plan\": \\{.*?\\}", "");
    assertThat(before).doesNotContain("Marisol").doesNotContain("\"plan\"");

    MemberData read = export.read(before).get(0);

    assertThat(read.pod()).isEqualTo(Pod.EMPTY);
    assertThat(read.plan()).isEqualTo(SafetyPlan.EMPTY);
    assertThat(read.checkIns()).isEqualTo(data().checkIns());
  }

  @Test
  void aPodEntryInARingThereIsNoneOfIsNamedAndItsNameIsNot() {
    String odd = export.write(data()).replace("\"ring\": \"core\"", "\"ring\": \"inner\"");

    assertThatThrownBy(() -> export.read(odd))
        .hasMessageContaining("no pod ring 'inner'")
        .hasMessageNotContaining("Marisol");
  }

  @Test
  void anExportReadsBackAsItWasWritten() {
    assertThat(export.read(export.write(data()))).containsExactly(data());
  }

  @Test
  void everyonesExportReadsBackToo() {
    String all = export.writeAll(List.of(data(), data()), T0);

    assertThat(all).contains("\"format\": \"porchlight-export\"");
    assertThat(export.read(all)).containsExactly(data(), data());
  }

  @Test
  void theWeeklyReachOutAndItsAnswersTravelAndABuddyLinkIsShownButNotReadBack() {
    MemberData base = data();
    MemberData withPeople =
        new MemberData(
            base.member(),
            base.checkIns(),
            base.stepsGiven(),
            base.communities(),
            base.pod(),
            base.plan(),
            ReachOut.DEFAULT.withDay(DayOfWeek.FRIDAY).withFollowUps(false),
            List.of(new ReachOut.Answered(LocalDate.of(2026, 11, 20), ReachOut.Answer.PICKED)),
            Optional.of(
                new Buddy(
                    ALEX,
                    new MemberId("discord", "1085261609959558209"),
                    "Alexandrina",
                    true,
                    Optional.empty(),
                    T0)),
            Optional.empty());

    String json = export.write(withPeople);
    assertThat(json)
        .contains("\"reachOut\": {")
        .contains("\"day\": \"FRIDAY\"")
        .contains("\"answer\": \"picked\"")
        .contains("\"yourNameForThem\": \"Alexandrina\"")
        .doesNotContain("1085261609959558209");
    MemberData read = export.read(json).get(0);
    assertThat(read.reachOut()).isEqualTo(withPeople.reachOut());
    assertThat(read.reachOutAnswers()).isEqualTo(withPeople.reachOutAnswers());
    assertThat(read.buddy()).as("made again by invitation, never imported").isEmpty();
  }

  @Test
  void somethingElseIsRefusedWithTheReason() {
    assertThatThrownBy(() -> export.read("{\"hello\": 1}")).hasMessageContaining("member");
    assertThatThrownBy(() -> export.read("not json")).hasMessageContaining("not JSON");
  }

  @Test
  void aFileCutShortIsNamedByItsLineAndWhatWasStillExpected() {
    String cutShort = "{\n  \"members\": [\n    {\"member\": {\"platform\": \"test\"";

    assertThatThrownBy(() -> export.readEach(cutShort))
        .hasMessage(
            "not JSON, at line 3, column 35: the file ends too soon, as if cut short; what is"
                + " open still needs } } ] } to close it")
        .hasMessageNotContaining("Source")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void aMistypedFileSaysWhatWasFoundAndWhatWasExpected() {
    assertThatThrownBy(() -> export.readEach("{\"members\": [1 2]}"))
        .hasMessage(
            "not JSON, at line 1, column 16: found '2' where a comma between a list's entries"
                + " was expected");
  }
}
