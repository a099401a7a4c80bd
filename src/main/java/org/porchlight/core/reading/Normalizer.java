package org.porchlight.core.reading;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings free text to one plain shape before any pattern looks at it: lower case, straight quotes,
 * no diacritics, contractions spelled out, punctuation as separate tokens, single spaces.
 */
final class Normalizer {
  private static final Pattern DIACRITICS = Pattern.compile("\\p{Mn}+");
  private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  // Order matters: specific forms before the generic n't / 'm / 're rules.
  private static final String[][] REWRITES = {
    // Emoticons before punctuation is split off, so ":(" is not lost as two symbols.
    {"[:;=]'?-?[)\\]]+", " 🙂 "},
    {"(?<![\\w])\\(+-?[:;=]", " 🙂 "},
    {"(?<![\\w])[:;=]-?d(?![\\w])", " 🙂 "},
    {"[:;=]'?-?[(\\[]+", " 🙁 "},
    {"(?<=^|\\s)\\)+-?[:;=]", " 🙁 "},
    {"(?<![\\w])<3", " ❤ "},
    // "OD'd" would otherwise become the word "odd".
    {"\\bo\\.?d'?d\\b|\\bo\\.d\\.?(?=\\s|$)", "overdosed"},
    {"\\bk[*!1]ll", "kill"},
    {"\\bd[*!1]e\\b", "die"},
    {"\\bcan'?t\\b|\\bcannot\\b", "can not"},
    {"\\bwon'?t\\b", "will not"},
    {"\\bshan'?t\\b", "shall not"},
    {"\\bain'?t\\b", "is not"},
    {"\\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must|need)n'?t\\b", "$1 not"},
    {"\\b(\\w+)n't\\b", "$1 not"},
    {"\\bi'?m\\b", "i am"},
    {"\\bi'?ve\\b", "i have"},
    {"\\bi'll\\b", "i will"},
    {"\\bi'd\\b", "i would"},
    {"\\b(you|they)'?re\\b", "$1 are"},
    {"\\bwe're\\b", "we are"},
    {"\\b(it|that|what|there|here|how|he|she|who|everything|nothing)'s\\b", "$1 is"},
    {"\\b(that|what)s\\b", "$1 is"},
    {"\\b(\\w+)'ll\\b", "$1 will"},
    {"\\b(\\w+)'ve\\b", "$1 have"},
    {"\\b(\\w+)'re\\b", "$1 are"},
    {"\\bgonna\\b", "going to"},
    {"\\bwanna\\b", "want to"},
    {"\\bgotta\\b", "got to"},
    {"\\btryna\\b", "trying to"},
    {"\\bkinda\\b", "kind of"},
    {"\\bsorta\\b", "sort of"},
    {"\\bidk\\b", "i do not know"},
    {"\\bu\\b", "you"},
    {"\\bur\\b", "your"},
    {"\\brn\\b", "right now"},
    {"\\b(?:pls|plz|plees)\\b", "please"},
    {"\\bmy self\\b", "myself"},
    {"\\bno ?one\\b", "no one"},
    // Whatever apostrophes are left are possessives or typos: drop them ("mom's" -> "moms").
    {"'", ""},
  };

  private static final Pattern[] REWRITE_PATTERNS = new Pattern[REWRITES.length];

  static {
    for (int i = 0; i < REWRITES.length; i++) {
      REWRITE_PATTERNS[i] = Pattern.compile(REWRITES[i][0]);
    }
  }

  private Normalizer() {}

  static String normalize(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String s = java.text.Normalizer.normalize(text, Form.NFKC);
    s = straightenQuotes(s);
    s = java.text.Normalizer.normalize(s, Form.NFD);
    s = DIACRITICS.matcher(s).replaceAll("");
    s = java.text.Normalizer.normalize(s, Form.NFC);
    s = s.toLowerCase(Locale.ROOT);
    s = REPEATS.matcher(s).replaceAll("$1$1");
    for (int i = 0; i < REWRITE_PATTERNS.length; i++) {
      Matcher m = REWRITE_PATTERNS[i].matcher(s);
      s = m.replaceAll(REWRITES[i][1]);
    }
    s = tokenize(s);
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  private static String straightenQuotes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`', '\u02BC' ->
                    out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' ->
                    out.append('"');
                default -> out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** Keeps letters, digits and emoji; sets clause punctuation apart; turns the rest into spaces. */
  private static String tokenize(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
              } else if (".!?;:,".indexOf(cp) >= 0) {
                out.append(' ').appendCodePoint(cp).append(' ');
              } else if (isEmoji(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
              } else {
                out.append(' ');
              }
            });
    return out.toString();
  }

  private static boolean isEmoji(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF);
  }
}
