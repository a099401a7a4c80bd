package org.porchlight.core.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrisisDetectorTest {
  private final CrisisDetector detector = new CrisisDetector();

  @Test
  void passiveIdeationIsACrisis() {
    assertThat(detector.isCrisis("I don't want to be alive anymore")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I dont want to live in this world no more",
        "i don't want to live in this world anymore.",
        "I no longer want to be on this earth"
      })
  void notWantingToLiveInThisWorldIsACrisis(String text) {
    assertThat(detector.isCrisis(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I don't want to live in a world without music",
        "I don't want to live in this world of ads and noise",
        "I don't want to live in London anymore"
      })
  void notWantingToLiveInAPlaceOrAKindOfWorldIsNotACrisis(String text) {
    assertThat(detector.isCrisis(text)).isFalse();
  }

  @Test
  void wishingNotToWakeUpIsACrisis() {
    assertThat(detector.isCrisis("I wish I could go to sleep and not wake up")).isTrue();
  }

  @Test
  void feelingLikeABurdenToEveryoneIsACrisis() {
    assertThat(detector.isCrisis("everyone would be better off without me")).isTrue();
  }

  @Test
  void askingWhatThePointOfLivingIsIsACrisis() {
    assertThat(detector.isCrisis("what's the point of living")).isTrue();
  }

  @Test
  void notSeeingAReasonToLiveIsACrisis() {
    assertThat(detector.isCrisis("honestly i dont see the point in living anymore")).isTrue();
  }

  @Test
  void wantingToKillOneselfIsACrisis() {
    assertThat(detector.isCrisis("I want to kill myself")).isTrue();
  }

  @Test
  void aPlanWithATimeIsACrisis() {
    assertThat(detector.isCrisis("I'm going to end it tonight")).isTrue();
  }

  @Test
  void thinkingAboutSuicideIsACrisis() {
    assertThat(detector.isCrisis("been thinking about suicide a lot")).isTrue();
  }

  @Test
  void theShorthandKmsIsACrisis() {
    assertThat(detector.isCrisis("honestly might just kms")).isTrue();
  }

  @Test
  void kilometresAreNotTheShorthandKms() {
    assertThat(detector.isCrisis("ran 10 kms this morning")).isFalse();
  }

  @Test
  void aMeansNamedWithAPurposeIsACrisis() {
    assertThat(detector.isCrisis("I bought a rope so I can end it")).isTrue();
  }

  @Test
  void askingHowManyPillsItTakesIsACrisis() {
    assertThat(detector.isCrisis("how many sleeping pills would it take")).isTrue();
  }

  @Test
  void cuttingOneselfIsACrisis() {
    assertThat(detector.isCrisis("I cut myself again")).isTrue();
  }

  @Test
  void wantingToHurtOneselfIsACrisis() {
    assertThat(detector.isCrisis("I want to hurt myself")).isTrue();
  }

  @Test
  void aSelfHarmRelapseIsACrisis() {
    assertThat(detector.isCrisis("relapsed on self harm last night")).isTrue();
  }

  @Test
  void havingTakenManyPillsIsACrisis() {
    assertThat(detector.isCrisis("I took a bunch of pills")).isTrue();
  }

  @Test
  void notBeingSafeIsACrisis() {
    assertThat(detector.isCrisis("I'm not safe right now")).isTrue();
  }

  @Test
  void someoneHurtingTheMemberIsACrisis() {
    assertThat(detector.isCrisis("someone is hurting me")).isTrue();
  }

  @Test
  void negationDoesNotHideASelfReport() {
    assertThat(detector.isCrisis("I'm not going to kill myself but I think about it")).isTrue();
  }

  @Test
  void sayingOneIsNotSuicidalIsStillFlagged() {
    assertThat(detector.isCrisis("I'm not suicidal, just really tired")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I DONT WANT TO BE ALIVE ANYMORE",
        "i dont want to be alive anymore",
        "I don’t want to be alive anymore",
        "I don't  want to be  alive any more",
        "i wanna die",
        "feeling sucidal again",
        "i want to kill myslef",
        "i want to kill my self"
      })
  void typosCapitalsCurlyQuotesAndMissingApostrophesAreStillACrisis(String text) {
    assertThat(detector.isCrisis(text)).isTrue();
  }

  @Test
  void figureOfSpeechAboutTrafficIsNotACrisis() {
    assertThat(detector.isCrisis("this traffic is killing me")).isFalse();
  }

  @Test
  void wantingACoffeeBadlyIsNotACrisis() {
    assertThat(detector.isCrisis("I could kill for a coffee")).isFalse();
  }

  @Test
  void sorefeetAreNotACrisis() {
    assertThat(detector.isCrisis("my feet are killing me")).isFalse();
  }

  @Test
  void killingTimeIsNotACrisis() {
    assertThat(detector.isCrisis("just trying to kill time before the meeting")).isFalse();
  }

  @Test
  void beingEagerIsNotACrisis() {
    assertThat(detector.isCrisis("I'm dying to see it")).isFalse();
  }

  @Test
  void beingVeryTiredIsNotACrisis() {
    assertThat(detector.isCrisis("I'm dead tired")).isFalse();
  }

  @Test
  void aJokeThatKilledIsNotACrisis() {
    assertThat(detector.isCrisis("that joke killed")).isFalse();
  }

  @Test
  void askingForAnEmailIsNotACrisis() {
    assertThat(detector.isCrisis("shoot me an email")).isFalse();
  }

  @Test
  void killingAProcessIsNotACrisis() {
    assertThat(detector.isCrisis("How can I kill a Python process?")).isFalse();
  }

  @Test
  void cuttingOnionsIsNotACrisis() {
    assertThat(detector.isCrisis("cut the onions for dinner")).isFalse();
  }

  @Test
  void anAccidentWhileShavingIsNotACrisis() {
    assertThat(detector.isCrisis("I cut myself shaving")).isFalse();
  }

  @Test
  void takingOnesLifeBackIsRecoveryNotACrisis() {
    assertThat(detector.isCrisis("I'm taking my life back, one day at a time")).isFalse();
  }

  @Test
  void cuttingDownOnDrinkingIsNotACrisis() {
    assertThat(detector.isCrisis("I'm cutting down on drinking")).isFalse();
  }

  @Test
  void endingARelationshipIsNotACrisis() {
    assertThat(detector.isCrisis("I'm going to end it with her")).isFalse();
  }

  @Test
  void takingDailyMedicationIsNotACrisis() {
    assertThat(detector.isCrisis("took my meds this morning")).isFalse();
  }

  @Test
  void aParentsAngerIsNotACrisis() {
    assertThat(detector.isCrisis("my mom is going to kill me when she sees my grades")).isFalse();
  }

  @Test
  void aDefinitionQuestionIsNotACrisis() {
    assertThat(detector.isCrisis("What is suicide?")).isFalse();
  }

  @Test
  void aGermanWishToDieIsACrisis() {
    assertThat(detector.isCrisis("Ich will nicht mehr leben")).isTrue();
  }

  @Test
  void aFrenchWishToDieIsACrisis() {
    assertThat(detector.isCrisis("je veux mourir")).isTrue();
  }

  @Test
  void aSpanishWishToDieIsACrisis() {
    assertThat(detector.isCrisis("me quiero morir")).isTrue();
  }

  @Test
  void nullAndBlankTextAreNotACrisis() {
    assertThat(detector.isCrisis(null)).isFalse();
    assertThat(detector.isCrisis("   ")).isFalse();
  }
}
