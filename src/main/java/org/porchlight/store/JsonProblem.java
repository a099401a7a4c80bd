package org.porchlight.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a file is not JSON, in plain words for the person who has to mend it: the line and column,
 * and what was expected there; never the parser's own vocabulary.
 */
final class JsonProblem {
  private static final Pattern UNEXPECTED_CHARACTER =
      Pattern.compile("Unexpected character \\((.*?) \\(code \\d+\\)\\)");
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '(.*?)'");
  private static final Pattern WAS_EXPECTING = Pattern.compile("was expecting (.*)");
  // Jackson's own report of where, which names an input it is not allowed to show.
  private static final Pattern SOURCE = Pattern.compile("\\s*\\(?[^()]*\\[Source:[^\\]]*\\]\\)?");

  private JsonProblem() {}

  /** {@code line 3, column 7: ...}, saying what was found and what was expected. */
  static String of(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    String at =
        where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
    return at + what(e);
  }

  private static String what(JsonProcessingException e) {
    if (e instanceof JsonEOFException eof) {
      List<String> missing = stillOpen(eof.getProcessor());
      return "the file ends too soon, as if cut short"
          + (missing.isEmpty()
              ? ""
              : "; what is open still needs " + String.join(" ", missing) + " to close it");
    }
    String message = String.valueOf(e.getOriginalMessage());
    Matcher character = UNEXPECTED_CHARACTER.matcher(message);
    Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
    Matcher expecting = WAS_EXPECTING.matcher(message);
    String expected = expecting.find() ? plain(expecting.group(1)) : "";
    if (character.find()) {
      return "found "
          + character.group(1)
          + (expected.isEmpty() ? "" : " where " + expected + " was expected");
    }
    if (token.find()) {
      return "found '"
          + token.group(1)
          + "' where a value was expected (text in double quotes, a number, a list in [ ], an"
          + " object in { }, true, false or null)";
    }
    return plain(SOURCE.matcher(message).replaceAll(""));
  }

  /** What would close the lists and objects still open, innermost first. */
  private static List<String> stillOpen(Object processor) {
    List<String> missing = new ArrayList<>();
    if (!(processor instanceof JsonParser parser)) return missing;
    for (JsonStreamContext context = parser.getParsingContext();
        context != null && !context.inRoot();
        context = context.getParent()) {
      missing.add(context.inArray() ? "]" : "}");
    }
    return missing;
  }

  private static String plain(String expected) {
    String words =
        expected
            .replace("double-quote to start field name", "a name in double quotes")
            .replace("comma to separate Object entries", "a comma between an object's entries")
            .replace("comma to separate Array entries", "a comma between a list's entries")
            .replace("colon to separate field name and value", "a colon after the name")
            .replace(
                "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "a value (text in double quotes, a number, a list in [ ], an object in { }, true,"
                    + " false or null)");
    return words.strip();
  }
}
