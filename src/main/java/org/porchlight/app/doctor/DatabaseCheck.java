package org.porchlight.app.doctor;

import java.util.List;
import java.util.Optional;
import org.porchlight.config.Settings;
import org.porchlight.core.port.StoreUnavailable;
import org.porchlight.store.Database;
import org.porchlight.store.StoreException;

/**
 * The database opens and answers, as it is: a doctor looks, and must not upgrade the schema under
 * older running instances. Kept open for the checks after it when its tables can be read.
 */
final class DatabaseCheck implements Check, AutoCloseable {
  private final Settings.Store store;
  private Optional<Database> readable = Optional.empty();

  DatabaseCheck(Settings.Store store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "Database";
  }

  @Override
  public List<Finding> run() {
    String where =
        store.url().isEmpty()
            ? "the embedded database in " + store.dataDir()
            : store.urlWithoutPassword();
    String whatToDo =
        "Check store.url (PORCHLIGHT_DB_URL), store.user and store.password, and that the"
            + " database is running"
            + (store.url().isEmpty() ? " and store.dataDir is writable." : ".");
    Database database;
    try {
      database = Database.openAsItIs(store.jdbcUrl(), store.user(), store.password().reveal());
    } catch (StoreException e) {
      return List.of(problem(where + ": " + Finding.sentence(e.getMessage()), whatToDo));
    }
    if (!database.isReachable()) {
      database.close();
      return List.of(problem(where + " opened, but does not answer.", whatToDo));
    }
    try {
      int pending = database.pendingMigrations();
      if (pending > 0) {
        // Tables this version reads may not be there yet: nothing more to look at.
        database.close();
        return List.of(
            ok(
                where
                    + ": opened and answering; "
                    + pending
                    + (pending == 1 ? " schema change waits" : " schema changes wait")
                    + " for Porchlight's next start (doctor changes nothing)"));
      }
      int members = database.members().all().size();
      readable = Optional.of(database);
      return List.of(
          ok(
              where
                  + ": opened, schema up to date, answering; "
                  + members
                  + (members == 1 ? " member" : " members")));
    } catch (StoreException | StoreUnavailable e) {
      database.close();
      return List.of(problem(where + " opened, but " + Finding.sentence(e.getMessage()), whatToDo));
    }
  }

  /** The database, open, once {@link #run} found its tables can be read. */
  Optional<Database> readable() {
    return readable;
  }

  @Override
  public void close() {
    readable.ifPresent(Database::close);
  }
}
