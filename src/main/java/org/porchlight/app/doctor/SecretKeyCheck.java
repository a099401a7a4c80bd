package org.porchlight.app.doctor;

import java.util.List;
import java.util.Optional;
import org.porchlight.app.SecretKeys;
import org.porchlight.config.ConfigException;
import org.porchlight.config.Settings;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.store.Database;
import org.porchlight.store.Sealer;
import org.porchlight.store.StoreException;

/**
 * The secret key is set or found, and opens the names the database holds; or, on the embedded
 * database before its first start, will be made. It makes no key and prints none.
 */
final class SecretKeyCheck implements Check {
  private static final String UNTIL_FIXED = "Porchlight will not start until this is fixed.";

  private final SecretKeys keys;
  private final Optional<Database> database;

  /**
   * @param database open and readable, or empty when it can't be read yet
   */
  SecretKeyCheck(Settings.Store store, Optional<Database> database) {
    this.keys = new SecretKeys(store);
    this.database = database;
  }

  @Override
  public String name() {
    return "Secret key";
  }

  @Override
  public List<Finding> run() {
    Optional<SecretKeys.Key> found;
    try {
      found = keys.find();
    } catch (ConfigException e) {
      return List.of(problem(Finding.sentence(e.getMessage()), UNTIL_FIXED));
    }
    String none =
        "none yet; Porchlight's first start makes "
            + keys.defaultFile()
            + ", to be backed up with the database";
    if (database.isEmpty()) {
      return List.of(
          ok(
              found.map(key -> key.where() + " is a key").orElse(none)
                  + "; not checked against the database, as it can't be read yet"));
    }
    // With no key yet, a new one stands in: the database takes a new key only if it has none.
    Sealer sealer = found.map(SecretKeys.Key::sealer).orElseGet(() -> new Sealer(Sealer.newKey()));
    Database.KeyCheck check;
    try {
      check = database.get().keyCheck(sealer);
    } catch (StoreException | StoreUnavailable e) {
      return List.of(
          problem("the database's key check could not be read: " + e.getMessage() + ".", ""));
    }
    if (found.isEmpty()) {
      return check == Database.KeyCheck.NOTHING_SEALED_YET
          ? List.of(ok(none))
          : List.of(problem(keys.keyFileMissing(), UNTIL_FIXED));
    }
    String where = found.get().where();
    if (check == Database.KeyCheck.OPENS) {
      return List.of(ok(where + " opens the names stored in the database"));
    }
    if (check == Database.KeyCheck.NOTHING_SEALED_YET) {
      return List.of(
          ok(where + " is a key; the database has none yet, and takes this one at the next start"));
    }
    return List.of(problem(SecretKeys.doesNotOpen(where), UNTIL_FIXED));
  }
}
