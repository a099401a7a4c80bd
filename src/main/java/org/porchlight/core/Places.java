package org.porchlight.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time zones and the countries they belong to: finds a zone from what a member typed (a zone id, a
 * city, a country with one zone, or a UTC offset), and a zone's country for its crisis lines.
 */
public final class Places {
  private static final Pattern OFFSET =
      Pattern.compile("(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?:[:.]?(\\d{2}))?");

  private final Map<String, String> countryByZone = new LinkedHashMap<>();
  private final Map<String, List<ZoneId>> zonesByName = new TreeMap<>();
  private final Map<String, ZoneId> zonesById = new TreeMap<>();

  /** What a member's words were found to mean. */
  public sealed interface Found {
    record Zone(ZoneId zone) implements Found {}

    record Several(List<ZoneId> zones) implements Found {}

    record Nothing() implements Found {}
  }

  public Places() {
    Set<String> known = ZoneId.getAvailableZoneIds();
    // The list may name zones newer than this Java's time zone data: those are left out.
    load(
        "zone-countries.tsv",
        (zone, country) -> {
          if (known.contains(zone)) countryByZone.put(zone, country);
        });
    load(
        "city-zones.tsv",
        (city, zone) -> {
          if (known.contains(zone)) addName(city, ZoneId.of(zone));
        });
    for (String id : known) {
      zonesById.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
    }
    Map<String, List<String>> zonesByCountry = new LinkedHashMap<>();
    countryByZone.forEach(
        (zone, country) -> {
          ZoneId id = ZoneId.of(zone);
          addName(zone.substring(zone.lastIndexOf('/') + 1), id);
          zonesByCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(zone);
        });
    zonesByCountry.forEach(
        (country, zones) -> {
          String name = new Locale("", country).getDisplayCountry(Locale.ENGLISH);
          // A country whose zones all keep the same clocks (Germany: Berlin and Busingen) is one.
          List<String> distinct = sameClocks(zones) ? zones.subList(0, 1) : zones;
          for (String zone : distinct) addName(name, ZoneId.of(zone));
        });
  }

  /** The country a zone belongs to, as an ISO 3166 code. */
  public Optional<String> countryOf(ZoneId zone) {
    return Optional.ofNullable(countryByZone.get(zone.getId()));
  }

  /** Finds the zone a member meant. */
  public Found find(String text) {
    String input = text.strip();
    if (input.isEmpty()) return new Found.Nothing();
    String lower = input.toLowerCase(Locale.ROOT);
    if (lower.equals("utc") || lower.equals("gmt") || lower.equals("z")) {
      return new Found.Zone(ZoneId.of("UTC"));
    }
    Matcher offset = OFFSET.matcher(lower);
    if (offset.matches()) return offset(offset);
    ZoneId byId = zonesById.get(lower.replace(' ', '_'));
    if (byId != null) return new Found.Zone(byId);
    // "Lisbon, Portugal" is read by its city; a limit keeps "," from splitting into nothing.
    List<ZoneId> named = zonesByName.get(key(input.split(",", -1)[0]));
    if (named == null) return new Found.Nothing();
    return named.size() == 1 ? new Found.Zone(named.get(0)) : new Found.Several(named);
  }

  private static Found offset(Matcher m) {
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    int sign = m.group(1).equals("-") ? -1 : 1;
    try {
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      return new Found.Zone(ZoneId.ofOffset("UTC", offset));
    } catch (DateTimeException e) {
      return new Found.Nothing();
    }
  }

  private static boolean sameClocks(List<String> zones) {
    Instant winter = Instant.parse("2026-01-15T12:00:00Z");
    Instant summer = Instant.parse("2026-07-15T12:00:00Z");
    ZoneRules first = ZoneId.of(zones.get(0)).getRules();
    return zones.stream()
        .map(zone -> ZoneId.of(zone).getRules())
        .allMatch(
            rules ->
                rules.getOffset(winter).equals(first.getOffset(winter))
                    && rules.getOffset(summer).equals(first.getOffset(summer)));
  }

  private void addName(String name, ZoneId zone) {
    List<ZoneId> zones = zonesByName.computeIfAbsent(key(name), k -> new ArrayList<>());
    if (!zones.contains(zone)) zones.add(zone);
  }

  private static String key(String name) {
    String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[\\s_.'-]+", " ").strip();
  }

  private interface Row {
    void accept(String first, String second);
  }

  private static void load(String resource, Row row) {
    try (InputStream in = Places.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cells = line.split("\t");
        row.accept(cells[0].strip(), cells[1].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
