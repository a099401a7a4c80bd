package org.porchlight.understanding;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased tokenizer, as the sentence model was trained with: the text is cleaned, lowercased
 * and stripped of accents, split on whitespace and punctuation, and each word is cut into the
 * longest pieces the vocabulary knows, the later ones marked {@code ##}. A word the vocabulary
 * cannot spell, or longer than 100 characters, is one {@code [UNK]}.
 */
final class WordPieceTokenizer {
  /** The model's longest input, {@code [CLS]} and {@code [SEP]} included. */
  static final int MAX_TOKENS = 256;

  private static final int MAX_WORD_CHARS = 100;
  private static final String CONTINUATION = "##";

  private final Map<String, Integer> vocabulary;
  private final int unknown;
  private final int start;
  private final int end;

  WordPieceTokenizer(Map<String, Integer> vocabulary) {
    this.vocabulary = Map.copyOf(requireNonNull(vocabulary, "vocabulary == null"));
    this.unknown = id("[UNK]");
    this.start = id("[CLS]");
    this.end = id("[SEP]");
  }

  /** Reads the vocabulary of a Hugging Face {@code tokenizer.json} ({@code model.vocab}). */
  static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
    JsonNode vocab = new ObjectMapper().readTree(json).path("model").path("vocab");
    if (!vocab.isObject() || vocab.isEmpty()) {
      throw new IOException("the tokenizer file has no model.vocab");
    }
    Map<String, Integer> vocabulary = new HashMap<>(vocab.size() * 2);
    for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      vocabulary.put(entry.getKey(), entry.getValue().asInt());
    }
    return new WordPieceTokenizer(vocabulary);
  }

  private int id(String token) {
    Integer id = vocabulary.get(token);
    if (id == null) throw new IllegalArgumentException("the vocabulary has no " + token);
    return id;
  }

  /** The ids the model reads: {@code [CLS]}, the pieces, {@code [SEP]}, at most 256 in all. */
  long[] ids(String text) {
    List<Integer> pieces = new ArrayList<>();
    pieces.add(start);
    for (String word : words(text)) {
      if (pieces.size() >= MAX_TOKENS - 1) break;
      pieces(word, pieces);
    }
    int n = Math.min(pieces.size(), MAX_TOKENS - 1);
    long[] ids = new long[n + 1];
    for (int i = 0; i < n; i++) ids[i] = pieces.get(i);
    ids[n] = end;
    return ids;
  }

  /** The words and punctuation marks of {@code text}, normalised as BERT's were. */
  static List<String> words(String text) {
    String clean = normalise(text);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < clean.length(); ) {
      int c = clean.codePointAt(i);
      i += Character.charCount(c);
      if (c == ' ') {
        flush(word, words);
      } else if (isPunctuation(c)) {
        flush(word, words);
        words.add(new String(Character.toChars(c)));
      } else {
        word.appendCodePoint(c);
      }
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /**
   * Drops control characters, makes every space a plain one, spaces out CJK ideographs, strips
   * accents (decomposed, the combining marks dropped) and lowercases, in that order.
   */
  static String normalise(String text) {
    StringBuilder cleaned = new StringBuilder(text.length() + 8);
    text.codePoints()
        .forEach(
            c -> {
              if (c == 0 || c == 0xFFFD || isControl(c)) return;
              if (isWhitespace(c)) {
                cleaned.append(' ');
              } else if (isCjk(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
              } else {
                cleaned.appendCodePoint(c);
              }
            });
    String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
    return out.toString();
  }

  /** Greedy longest-match-first: the longest known start, then the longest known rest. */
  private void pieces(String word, List<Integer> into) {
    int[] chars = word.codePoints().toArray();
    if (chars.length > MAX_WORD_CHARS) {
      into.add(unknown);
      return;
    }
    List<Integer> found = new ArrayList<>();
    int from = 0;
    while (from < chars.length) {
      Integer piece = null;
      int to = chars.length;
      for (; to > from; to--) {
        String candidate = new String(chars, from, to - from);
        piece = vocabulary.get(from == 0 ? candidate : CONTINUATION + candidate);
        if (piece != null) break;
      }
      if (piece == null) {
        into.add(unknown);
        return;
      }
      found.add(piece);
      from = to;
    }
    into.addAll(found);
  }

  private static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.isSpaceChar(c);
  }

  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') return false;
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return true;
      default:
        return false;
    }
  }

  private static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96)) return true;
    if (c >= 123 && c <= 126) return true;
    switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }

  /** The CJK ideograph blocks BERT spaces out (not Hangul, not kana). */
  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F)
        || (c >= 0x2B820 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
