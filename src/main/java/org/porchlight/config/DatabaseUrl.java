package org.porchlight.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.regex.Pattern;

/**
 * A JDBC URL as the settings give it, or none. It prints with any password in it as {@code ***}; a
 * URL may carry one ({@code user:password@}, {@code password=}) however often we say not to.
 */
public final class DatabaseUrl {
  /** No URL: the embedded database. */
  public static final DatabaseUrl NONE = new DatabaseUrl("");

  // A password in a JDBC URL: "?password=secret&", ";PASSWORD=secret", "//user:secret@host".
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_PASSWORD = Pattern.compile("(//[^/@:]*:)[^@/]*(?=@)");

  private final String url;

  private DatabaseUrl(String url) {
    this.url = url;
  }

  @JsonCreator
  public static DatabaseUrl of(String url) {
    requireNonNull(url, "url == null");
    String stripped = url.strip();
    return stripped.isEmpty() ? NONE : new DatabaseUrl(stripped);
  }

  public boolean isEmpty() {
    return url.isEmpty();
  }

  /** The URL with its password, for the database driver. */
  public String reveal() {
    return url;
  }

  /** The URL with any password in it shown as {@code ***}. */
  public String withoutPassword() {
    String withoutParameter = PASSWORD.matcher(url).replaceAll("$1***");
    return USER_PASSWORD.matcher(withoutParameter).replaceAll("$1***");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DatabaseUrl that && that.url.equals(url);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  @Override
  public String toString() {
    return withoutPassword();
  }
}
