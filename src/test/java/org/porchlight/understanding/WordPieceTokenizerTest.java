package org.porchlight.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token ids checked by hand against the model's own vocabulary (its tokenizer json). */
class WordPieceTokenizerTest {
  private static final long CLS = 101;
  private static final long SEP = 102;
  private static final long UNK = 100;

  private static WordPieceTokenizer tokenizer;

  @BeforeAll
  static void readTheVocabulary() throws IOException {
    try (InputStream in = WordPieceTokenizer.class.getResourceAsStream(SentenceMeaning.TOKENIZER)) {
      tokenizer = WordPieceTokenizer.fromTokenizerJson(in);
    }
  }

  @Test
  void aSentenceIsLowercasedAndFramedByClsAndSep() {
    // i 1045, ' 1005, ve 2310, given 2445, my 2026, guitar 2858, away 2185
    assertThat(tokenizer.ids("I've given my Guitar away"))
        .containsExactly(CLS, 1045, 1005, 2310, 2445, 2026, 2858, 2185, SEP);
  }

  @Test
  void punctuationIsSplitOffTheWords() {
    // kill 3102, myself 2870, , 1010, ? 1029, ! 999
    assertThat(tokenizer.ids("kill,myself?!"))
        .containsExactly(CLS, 3102, 1010, 2870, 1029, 999, SEP);
  }

  @Test
  void accentsAreStripped() {
    // naive 15743, resume 13746
    assertThat(tokenizer.ids("Naïve RÉSUMÉ")).containsExactly(CLS, 15743, 13746, SEP);
  }

  @Test
  void anUnknownWordIsCutIntoContinuedPieces() {
    // cut 3013 ##icles 20921; porch 7424 ##light 7138
    assertThat(tokenizer.ids("cuticles porchlight"))
        .containsExactly(CLS, 3013, 20921, 7424, 7138, SEP);
  }

  @Test
  void anEmojiTheVocabularyCannotSpellIsUnknown() {
    // ok 7929
    assertThat(tokenizer.ids("ok 🙂")).containsExactly(CLS, 7929, UNK, SEP);
  }

  @Test
  void aWordLongerThanAHundredCharactersIsOneUnknown() {
    assertThat(tokenizer.ids("a".repeat(101))).containsExactly(CLS, UNK, SEP);
  }

  @Test
  void controlCharactersGoAndEveryKindOfSpaceSplits() {
    // A zero-width space is a format character, dropped, not a space.
    assertThat(tokenizer.ids("my\u0000 gui\u200btar")).containsExactly(CLS, 2026, 2858, SEP);
    assertThat(tokenizer.ids("my\u00a0guitar\tguitar")).containsExactly(CLS, 2026, 2858, 2858, SEP);
  }

  @Test
  void aLongMessageIsCutAt256Tokens() {
    long[] ids = tokenizer.ids("guitar ".repeat(400));

    assertThat(ids).hasSize(WordPieceTokenizer.MAX_TOKENS);
    assertThat(ids[0]).isEqualTo(CLS);
    assertThat(ids[255]).isEqualTo(SEP);
    assertThat(ids[254]).isEqualTo(2858);
  }
}
