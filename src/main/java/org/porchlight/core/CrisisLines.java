package org.porchlight.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Crisis lines by country, each with where it was confirmed and when. */
public record CrisisLines(Map<String, Country> countries, Country international) {

  /** The crisis lines and emergency number of one country. */
  public record Country(String name, String emergency, List<Line> lines) {
    public Country {
      requireNonNull(name, "name == null");
      requireNonNull(emergency, "emergency == null");
      lines = List.copyOf(lines);
      if (lines.isEmpty()) throw new IllegalArgumentException(name + " has no crisis lines");
    }
  }

  /** One crisis line. */
  public record Line(
      String name, String contact, String how, String url, String source, String checked) {
    public Line {
      requireNonNull(name, "name == null");
      requireNonNull(contact, "contact == null");
      requireNonNull(how, "how == null");
      requireNonNull(url, "url == null");
      requireNonNull(source, "source == null");
      requireNonNull(checked, "checked == null");
    }
  }

  public CrisisLines {
    requireNonNull(international, "international == null");
    countries = Map.copyOf(countries);
  }

  /** The lines for an ISO 3166 country code; the international directory when there are none. */
  public Country forCountry(Optional<String> code) {
    return code.map(c -> countries.get(c.toUpperCase(Locale.ROOT))).orElse(international);
  }
}
