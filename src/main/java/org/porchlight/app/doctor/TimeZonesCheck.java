package org.porchlight.app.doctor;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import java.util.List;
import java.util.Optional;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.store.Database;
import org.porchlight.store.StoreException;

/** This Java's time zone data knows every zone members and communities chose. */
final class TimeZonesCheck implements Check {
  private final Optional<Database> database;

  /**
   * @param database open and readable, or empty when it can't be read yet
   */
  TimeZonesCheck(Optional<Database> database) {
    this.database = database;
  }

  @Override
  public String name() {
    return "Time zones";
  }

  @Override
  public List<Finding> run() {
    String data =
        "tzdata "
            + ZoneRulesProvider.getVersions("Europe/London").lastKey()
            + " (Java "
            + System.getProperty("java.version")
            + ")";
    if (database.isEmpty()) {
      return List.of(ok(data + "; members' zones not checked, as the database can't be read yet"));
    }
    List<String> zones;
    try {
      zones = database.get().zonesInUse();
    } catch (StoreException | StoreUnavailable e) {
      return List.of(problem(data + "; the zones in use could not be read: " + e.getMessage(), ""));
    }
    List<String> unknown = zones.stream().filter(zone -> !resolves(zone)).toList();
    if (!unknown.isEmpty()) {
      return List.of(
          problem(
              data
                  + " does not know "
                  + String.join(", ", unknown)
                  + ", which members or communities use.",
              "Update Java, or its time zone data with the tzupdater tool."));
    }
    if (zones.isEmpty()) return List.of(ok(data + "; no member has chosen a zone yet"));
    return List.of(
        ok(
            data
                + "; "
                + (zones.size() == 1
                    ? "the one zone in use resolves"
                    : "all " + zones.size() + " zones in use resolve")));
  }

  private static boolean resolves(String zone) {
    try {
      ZoneId.of(zone).getRules();
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
