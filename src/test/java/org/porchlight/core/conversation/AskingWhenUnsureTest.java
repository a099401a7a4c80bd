package org.porchlight.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.porchlight.core.CheckIn;
import org.porchlight.core.Mood;
import org.porchlight.core.Reply;
import org.porchlight.core.Text;
import org.porchlight.core.reading.FakeMeaning;
import org.porchlight.core.reading.Meaning;
import org.porchlight.core.reading.Reading;
import org.porchlight.core.reading.Sense;

/**
 * The sentence model beside the patterns: what it is sure of, it says; what it is unsure of,
 * Porchlight asks, straight out, once within the repeat window.
 */
class AskingWhenUnsureTest extends ConversationDriver {
  private static final String GIVEN_AWAY =
      "I've given my guitar and my records away this week, I won't be needing them after Saturday";
  private static final String BRIDGE = "walked to the bridge again tonight and just stood there";

  private final FakeMeaning meaning =
      new FakeMeaning()
          .saying(GIVEN_AWAY, Sense.Crisis.ASK)
          .saying(BRIDGE, Sense.Crisis.YES)
          .saying("I want to kill myself", Sense.Crisis.NO);

  @BeforeEach
  void aMemberInLondon() {
    conversation.understanding(meaning);
    setUp("20:00", "Europe/London");
  }

  @Test
  void wordsTheModelIsUnsureOfGetTheQuestionWithYesAndNo() {
    List<Reply> replies = say(GIVEN_AWAY);

    assertThat(text(replies)).isEqualTo(texts.get(Text.CRISIS_QUESTION));
    assertThat(labels(replies)).containsExactly("Yes", "No, it's just a hard day");
    assertThat(today()).as("nothing recorded while asking").isEmpty();
  }

  @Test
  void yesGivesTheCrisisLinesOfTheMembersCountry() {
    say(GIVEN_AWAY);

    List<Reply> replies = press("Yes");

    assertThat(text(replies)).contains("116 123").contains("999");
    assertThat(today()).isEmpty();
  }

  @Test
  void noCarriesOnAsARoughDayWithAStep() {
    say(GIVEN_AWAY);

    List<Reply> replies = press("No, it's just a hard day");

    assertThat(today()).flatMap(CheckIn::mood).contains(Mood.ROUGH);
    assertThat(text(replies)).doesNotContain("116 123");
    assertThat(labels(replies)).contains(texts.get(Text.BUTTON_TRY_IT));
  }

  @Test
  void theQuestionIsNotAskedTwiceWithinTheRepeatWindow() {
    say(GIVEN_AWAY);
    press("No, it's just a hard day");

    List<Reply> again = say(GIVEN_AWAY);

    assertThat(text(again)).doesNotContain(texts.get(Text.CRISIS_QUESTION));
    assertThat(today()).flatMap(CheckIn::mood).contains(Mood.ROUGH);

    clock.advance(Duration.ofMinutes(31));
    assertThat(text(say(GIVEN_AWAY))).isEqualTo(texts.get(Text.CRISIS_QUESTION));
  }

  @Test
  void afterTheCrisisLinesAnUnsureMessageGetsTheShortReminderNotTheQuestion() {
    say(BRIDGE);

    List<Reply> replies = say(GIVEN_AWAY);

    assertThat(text(replies)).doesNotContain(texts.get(Text.CRISIS_QUESTION)).contains("116 123");
  }

  @Test
  void wordsTheModelIsSureOfGetTheCrisisLinesWithoutAQuestion() {
    List<Reply> replies = say(BRIDGE);

    assertThat(text(replies)).contains("116 123").doesNotContain("Are you thinking");
    assertThat(labels(replies)).isEmpty();
  }

  @Test
  void aPlainStatementStaysACrisisWhateverTheModelSays() {
    List<Reply> replies = say("I want to kill myself");

    assertThat(text(replies)).contains("116 123");
  }

  @Test
  void untilTheModelIsReadyThePatternsAloneAnswer() {
    conversation.understanding(new FakeMeaning().saying(GIVEN_AWAY, Sense.Crisis.ASK).notReady());

    List<Reply> replies = say(GIVEN_AWAY);

    assertThat(text(replies)).doesNotContain(texts.get(Text.CRISIS_QUESTION));
  }

  @Test
  void withNoModelThePatternsAloneAnswer() {
    conversation.understanding(Meaning.NONE);

    assertThat(text(say(GIVEN_AWAY))).doesNotContain(texts.get(Text.CRISIS_QUESTION));
    assertThat(text(say("I want to kill myself"))).contains("116 123");
  }

  @Test
  void theModelHearsOnlyWordsAMemberWroteNeverACommandOrAButton() {
    say("/time 21:00");
    say("/checkin");
    press(texts.get(Text.BUTTON_FINE));

    assertThat(meaning.asked()).isEmpty();

    say("honestly a good one");
    assertThat(meaning.asked()).containsExactly("honestly a good one");
  }

  @Test
  void theModelTellsAMoodThePatternsCouldNot() {
    conversation.understanding(new FakeMeaning().feeling("the usual, you know", Reading.ROUGH));

    say("the usual, you know");

    assertThat(today()).flatMap(CheckIn::mood).contains(Mood.ROUGH);
  }

  @Test
  void whenThePatternsAndTheModelDisagreeOnTheMoodTheMemberIsAsked() {
    conversation.understanding(new FakeMeaning().feeling("pretty good day", Reading.ROUGH));

    List<Reply> replies = say("pretty good day");

    assertThat(today()).isEmpty();
    assertThat(text(replies)).isEqualTo(texts.get(Text.READ_UNCLEAR));
  }
}
