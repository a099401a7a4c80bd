package org.porchlight.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.porchlight.core.Buddy;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Community;
import org.porchlight.core.MeetingReminder;
import org.porchlight.core.Member;
import org.porchlight.core.MemberId;
import org.porchlight.core.Pod;
import org.porchlight.core.Prompt;
import org.porchlight.core.ReachOut;
import org.porchlight.core.SafetyPlan;
import org.porchlight.core.StepGiven;
import org.porchlight.core.conversation.Conversation;
import org.porchlight.core.port.BuddyStore;
import org.porchlight.core.port.CheckInStore;
import org.porchlight.core.port.CommunityStore;
import org.porchlight.core.port.MeetingReminderStore;
import org.porchlight.core.port.MemberStore;
import org.porchlight.core.port.ReachOutStore;
import org.porchlight.core.port.StepStore;
import org.porchlight.core.port.SupportStore;
import org.porchlight.core.reading.FakeMeaning;
import org.porchlight.core.reading.Meaning;
import org.porchlight.core.reading.Sense;
import org.porchlight.store.Database;
import org.porchlight.testing.RealConversation;

class ConsoleChatTest {
  @TempDir Path dir;
  private Database database;

  @AfterEach
  void close() {
    if (database != null) database.close();
  }

  private String chat(String input) {
    return chat(input, Meaning.NONE);
  }

  private String chat(String input, Meaning meaning) {
    database =
        Database.open(
            "jdbc:h2:mem:console" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
            "",
            "",
            2);
    Conversation conversation =
        RealConversation.on(
            database, Clock.fixed(Instant.parse("2026-11-21T16:00:00Z"), ZoneOffset.UTC));
    return chat(conversation.understanding(meaning), input);
  }

  private static String chat(Conversation conversation, String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConsoleChat(
            conversation,
            ConsoleChat.MEMBER,
            new BufferedReader(new StringReader(input)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            false)
        .run();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A database that is down: every call fails. */
  private static final class DownStore
      implements MemberStore,
          CheckInStore,
          StepStore,
          CommunityStore,
          SupportStore,
          ReachOutStore,
          BuddyStore,
          MeetingReminderStore {
    private static <T> T down() {
      throw new IllegalStateException("database down");
    }

    @Override
    public MeetingReminder meetingReminder(MemberId member) {
      return down();
    }

    @Override
    public void saveMeetingReminder(MemberId member, MeetingReminder reminder, Instant now) {
      down();
    }

    @Override
    public List<MeetingReminder.Sent> meetingRemindersSent(MemberId member) {
      return down();
    }

    @Override
    public Reminding reminding(Community.Id community, Instant from, Instant to) {
      return down();
    }

    @Override
    public Pod pod(MemberId member) {
      return down();
    }

    @Override
    public void savePod(MemberId member, Pod pod) {
      down();
    }

    @Override
    public SafetyPlan plan(MemberId member) {
      return down();
    }

    @Override
    public ReachOut reachOut(MemberId member) {
      return down();
    }

    @Override
    public void wentOut(MemberId member, Instant meetingAt) {
      down();
    }

    @Override
    public String joinCode(Community.Id id, String name, String fresh) {
      return down();
    }

    @Override
    public Optional<Community> byJoinCode(String code) {
      return down();
    }

    @Override
    public void moved(Community.Id from, Community.Id to) {
      down();
    }

    @Override
    public void invite(Buddy.Invitation invitation) {
      down();
    }

    @Override
    public Optional<Buddy.Invitation> invitation(String code) {
      return down();
    }

    @Override
    public void dropInvitation(String code) {
      down();
    }

    @Override
    public boolean accept(String code, MemberId buddy, Instant now) {
      return down();
    }

    @Override
    public Optional<Buddy> buddyOf(MemberId member) {
      return down();
    }

    @Override
    public Optional<Buddy> buddyingFor(MemberId buddy) {
      return down();
    }

    @Override
    public boolean end(MemberId member) {
      return down();
    }

    @Override
    public void setAfterRoughRun(MemberId member, boolean on) {
      down();
    }

    @Override
    public boolean markTold(MemberId member, LocalDate date) {
      return down();
    }

    @Override
    public void tell(MemberId to, Prompt prompt, LocalDate date, Instant notBefore) {
      down();
    }

    @Override
    public void saveReachOut(MemberId member, ReachOut reachOut) {
      down();
    }

    @Override
    public void recordReachOut(MemberId member, ReachOut.Answered answered) {
      down();
    }

    @Override
    public List<ReachOut.Answered> reachOutAnswers(MemberId member) {
      return down();
    }

    @Override
    public void savePlan(MemberId member, SafetyPlan plan) {
      down();
    }

    @Override
    public Optional<Member> find(MemberId id) {
      return down();
    }

    @Override
    public void save(Member member) {
      down();
    }

    @Override
    public boolean forget(MemberId id) {
      return down();
    }

    @Override
    public List<MemberId> all() {
      return down();
    }

    @Override
    public void setReachable(MemberId id, boolean reachable) {
      down();
    }

    @Override
    public boolean isReachable(MemberId id) {
      return down();
    }

    @Override
    public Optional<CheckIn> find(MemberId member, LocalDate date) {
      return down();
    }

    @Override
    public void save(CheckIn checkIn) {
      down();
    }

    @Override
    public List<CheckIn> between(MemberId member, LocalDate from, LocalDate to) {
      return down();
    }

    @Override
    public List<CheckIn> allFor(MemberId member) {
      return down();
    }

    @Override
    public void record(StepGiven given) {
      down();
    }

    @Override
    public Map<String, Instant> lastSeen(MemberId member) {
      return down();
    }

    @Override
    public List<StepGiven> givenTo(MemberId member) {
      return down();
    }

    @Override
    public Optional<Community> find(Community.Id id) {
      return down();
    }

    @Override
    public void save(Community community) {
      down();
    }

    @Override
    public void visited(MemberId member, Community.Id id, String name, Instant when) {
      down();
    }

    @Override
    public List<Community.Visit> visitsOf(MemberId member) {
      return down();
    }

    @Override
    public Optional<Community> homeOf(MemberId member) {
      return down();
    }

    @Override
    public Week week(Community.Id id, LocalDate from, LocalDate to) {
      return down();
    }
  }

  @Test
  void whenTheDatabaseFailsTheMemberGetsASentenceAndTheChatGoesOn() {
    DownStore down = new DownStore();
    Conversation conversation =
        RealConversation.with(down, down, down, down, down, down, down, down, Clock.systemUTC());

    String text = chat(conversation, "/checkin\n/help\n");
    assertThat(text.split("something went wrong on my side", -1)).hasSize(3);
    assertThat(text).doesNotContain("Exception").doesNotContain("database down");
  }

  @Test
  void anEscapeSequenceTypedIsNeverEchoedBackRaw() {
    String out = chat("/time \u001b[31mlate\u001b[0m\n/timezone \u001b]0;owned\u0007\n");

    assertThat(out)
        .contains("I couldn't read \"[31mlate[0m\"")
        .doesNotContain("\u001b")
        .doesNotContain("\u0007");
  }

  @Test
  void buttonsPrintNumberedAndANumberPressesOne() {
    String out = chat("/time 20:00\n/timezone Europe/London\n/checkin\n3\n");

    assertThat(out).contains("[1] Honestly fine   [2] Rough day   [3] Skip today");
    assertThat(out).containsAnyOf("no check-in today", "Skipping is fine");
  }

  @Test
  void theQuestionWhenUnsureIsAskedWithNumberedButtonsAndBothAnswersWork() {
    String unsure = "gave my records away this week, won't need them after Saturday";
    Meaning meaning = new FakeMeaning().saying(unsure, Sense.Crisis.ASK);
    String setUp = "/time 20:00\n/timezone Europe/London\n/country GB\n";

    String yes = chat(setUp + unsure + "\n1\n", meaning);
    assertThat(yes)
        .contains("Are you thinking about ending your life")
        .contains("[1] Yes   [2] No, it's just a hard day")
        .contains("116 123");

    String no = chat(setUp + unsure + "\n2\n", meaning);
    assertThat(no).contains("One small thing").doesNotContain("116 123");
  }

  @Test
  void aPodAndAPlanAreBuiltWithNumbersAndWordsAndThePlanComesFirstInACrisis() {
    String out =
        chat(
            "/time 20:00\n/timezone Europe/London\n/pod\n1\nMarisol\n/plan\n1\n"
                + "Not sleeping\n2\nI want to end my life\n");

    assertThat(out)
        .contains("[1] + Core circle   [2] + Movable person   [3] + Outer resource")
        .contains("Added Marisol to your core circle.")
        .contains("1 of 6")
        .contains("[1] Skip this one   [2] Finish later")
        .contains("we'll stop here");
    String crisis = out.substring(out.indexOf("Your plan, in your own words"));
    assertThat(crisis).contains("Not sleeping");
    assertThat(crisis.indexOf("Not sleeping")).isLessThan(crisis.indexOf("116 123"));
  }

  @Test
  void typingALabelPressesThatButton() {
    String out = chat("/time 20:00\n/timezone Europe/London\n/checkin\nrough day\n");

    assertThat(out).contains("One small thing");
  }

  @Test
  void aNumberWithNoButtonsOnScreenIsJustWords() {
    String out = chat("/time 20:00\n/timezone Europe/London\n/help\n2\n");

    assertThat(out).contains("I'd rather ask than guess");
  }

  @Test
  void quitEndsTheChatBeforeTheInputDoes() {
    String out = chat("/quit\n/help\n");

    assertThat(out).doesNotContain("What I can do");
  }

  @Test
  void aDocumentIsPrintedBetweenMarkers() {
    String out = chat("/time 20:00\n/mydata\n");

    assertThat(out)
        .contains("----- porchlight-mydata.json -----")
        .contains("\"userId\": \"local\"");
  }
}
