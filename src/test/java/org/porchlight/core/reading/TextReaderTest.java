package org.porchlight.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextReaderTest {
  private final TextReader reader = new TextReader();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I'm fine",
        "honestly ok",
        "good day",
        "doing alright",
        "pretty good",
        "👍",
        "great",
        "Im good",
        "feeling calm today :)"
      })
  void plainWordsForBeingAllRightReadAsFine(String text) {
    assertThat(reader.read(text)).isEqualTo(Reading.FINE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rough day",
        "struggling",
        "I'm sad",
        "anxious",
        "exhausted",
        "lonely",
        "bad",
        "terrible",
        "😞",
        "feeling really low"
      })
  void plainWordsForAHardDayReadAsRough(String text) {
    assertThat(reader.read(text)).isEqualTo(Reading.ROUGH);
  }

  @Test
  void wantingToDrinkAgainReadsAsRough() {
    assertThat(reader.read("want to drink again")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void aCravingReadsAsRough() {
    assertThat(reader.read("craving")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void wantingADrinkBadlyReadsAsRough() {
    assertThat(reader.read("I want a drink so bad")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void betterThanYesterdayReadsAsFine() {
    assertThat(reader.read("better than yesterday")).isEqualTo(Reading.FINE);
  }

  @Test
  void aCravingForFoodIsNotAMood() {
    assertThat(reader.read("now I'm craving pizza")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void notFineReadsAsRough() {
    assertThat(reader.read("not fine")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void notGoodReadsAsRough() {
    assertThat(reader.read("I'm not good")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void notGreatReadsAsRough() {
    assertThat(reader.read("not great")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void notBadReadsAsFine() {
    assertThat(reader.read("not bad")).isEqualTo(Reading.FINE);
  }

  @Test
  void negationReachesOverLinkingWords() {
    assertThat(reader.read("not feeling so great")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void neverSoIsStrongerNotTheOpposite() {
    assertThat(reader.read("I've never been this sad")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void noCravingsReadsAsFine() {
    assertThat(reader.read("no cravings today")).isEqualTo(Reading.FINE);
  }

  @Test
  void couldBeBetterReadsAsRough() {
    assertThat(reader.read("could be better")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void mixedSignalsAreUnclear() {
    assertThat(reader.read("good day but exhausted")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void aQuestionIsUnclear() {
    assertThat(reader.read("how are you?")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void anAnswerFollowedByAQuestionBackIsStillRead() {
    assertThat(reader.read("I'm good, you?")).isEqualTo(Reading.FINE);
  }

  @Test
  void aGreetingIsUnclear() {
    assertThat(reader.read("good morning")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void shortNeutralTextIsUnclear() {
    assertThat(reader.read("hmm")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void notKnowingIsUnclear() {
    assertThat(reader.read("idk, not sure how I feel")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void judgingSomethingElseIsNotAMood() {
    assertThat(reader.read("that is sad")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void textInAnotherLanguageIsUnclearForMood() {
    assertThat(reader.read("Mir geht es heute gut")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void anEnglishWordInsideAnotherLanguageIsNotReadAsMood() {
    assertThat(reader.read("todo ok por aqui")).isEqualTo(Reading.UNCLEAR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "what could I do?",
        "give me a step",
        "any ideas?",
        "what should I do",
        "I need something to do",
        "help me",
        "/step",
        "another step please"
      })
  void askingForSomethingToDoIsAStepRequest(String text) {
    assertThat(reader.read(text)).isEqualTo(Reading.STEP_REQUEST);
  }

  @Test
  void aStepRequestWinsOverAMood() {
    assertThat(reader.read("rough day, what could I do?")).isEqualTo(Reading.STEP_REQUEST);
  }

  @Test
  void crisisWinsOverAStepRequest() {
    assertThat(reader.read("help me, I want to kill myself")).isEqualTo(Reading.CRISIS);
  }

  @Test
  void crisisWinsOverAMood() {
    assertThat(reader.read("I'm fine. I don't want to be alive anymore")).isEqualTo(Reading.CRISIS);
  }

  @Test
  void aFigureOfSpeechIsReadForItsMood() {
    assertThat(reader.read("this traffic is killing me, so stressed")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void aPlainCrisisIsACrisisWhateverTheModelSaysAndTheModelIsNotAsked() {
    FakeMeaning meaning = new FakeMeaning().saying("kms", Sense.Crisis.NO);
    TextReader withModel = new TextReader(meaning);

    Explanation kms = withModel.explain("kms");

    assertThat(kms.reading()).isEqualTo(Reading.CRISIS);
    assertThat(kms.why()).isEqualTo("pattern");
    assertThat(meaning.asked()).isEmpty();
  }

  @Test
  void theModelAddsACrisisThePatternsMissAndAsksWhenUnsure() {
    TextReader withModel =
        new TextReader(
            new FakeMeaning()
                .saying("sorted who gets the cat", Sense.Crisis.YES)
                .saying("won't need my guitar after saturday", Sense.Crisis.ASK));

    assertThat(withModel.understand("sorted who gets the cat")).isEqualTo(Reading.CRISIS);
    assertThat(withModel.understand("won't need my guitar after saturday"))
        .isEqualTo(Reading.MAYBE_CRISIS);
    assertThat(withModel.explain("sorted who gets the cat").why()).startsWith("model: ");
  }

  @Test
  void readingWordsInCommandsUsesThePatternsAloneAndNeverAsksTheModel() {
    FakeMeaning meaning = new FakeMeaning().saying("20:00", Sense.Crisis.YES);
    TextReader withModel = new TextReader(meaning);

    assertThat(withModel.read("20:00")).isEqualTo(Reading.UNCLEAR);
    assertThat(meaning.asked()).isEmpty();
  }

  @Test
  void aStepRequestTheModelIsUnsureOfIsAskedAboutFirst() {
    TextReader withModel =
        new TextReader(
            new FakeMeaning().saying("give me a step, nothing matters", Sense.Crisis.ASK));

    Explanation explained = withModel.explain("give me a step, nothing matters");

    assertThat(explained.reading()).isEqualTo(Reading.MAYBE_CRISIS);
    assertThat(explained.step()).isTrue();
  }

  @Test
  void theModelsMoodFillsInWhatThePatternsCouldNotTellAndADisagreementIsUnclear() {
    TextReader withModel =
        new TextReader(
            new FakeMeaning()
                .feeling("the usual, you know", Reading.FINE)
                .feeling("pretty good day", Reading.ROUGH));

    assertThat(withModel.understand("the usual, you know")).isEqualTo(Reading.FINE);
    assertThat(withModel.understand("pretty good day")).isEqualTo(Reading.UNCLEAR);
  }

  @Test
  void beforeTheModelIsReadyThePatternsAloneAnswer() {
    TextReader withModel =
        new TextReader(
            new FakeMeaning().saying("sorted who gets the cat", Sense.Crisis.YES).notReady());

    assertThat(withModel.understand("sorted who gets the cat")).isEqualTo(Reading.UNCLEAR);
    assertThat(withModel.explain("sorted who gets the cat").why()).isEqualTo("patterns alone");
  }

  @Test
  void nullAndBlankTextAreUnclear() {
    assertThat(reader.read(null)).isEqualTo(Reading.UNCLEAR);
    assertThat(reader.read("  ")).isEqualTo(Reading.UNCLEAR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "had a drink tonight after 90 days sober",
        "got drunk last night",
        "broke my sobriety",
      })
  void aDrinkAfterSoberTimeIsARoughDayNotAFineOne(String text) {
    assertThat(reader.read(text)).isEqualTo(Reading.ROUGH);
  }

  @Test
  void losingSomeoneIsARoughDay() {
    assertThat(reader.read("my cat died this morning")).isEqualTo(Reading.ROUGH);
  }

  @Test
  void feelingLikeABurdenIsARoughDay() {
    assertThat(reader.read("I feel like a burden to everyone")).isEqualTo(Reading.ROUGH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I want to be done with all of this", "I just want it all to end"})
  void wantingItAllToBeOverIsACrisis(String text) {
    assertThat(reader.read(text)).isEqualTo(Reading.CRISIS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"I want to be done with all of this paperwork", "I want this meeting to end"})
  void wantingATaskToBeOverIsNotACrisis(String text) {
    assertThat(reader.read(text)).isNotEqualTo(Reading.CRISIS);
  }
}
