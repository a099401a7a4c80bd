package org.porchlight.store;

import java.util.OptionalLong;
import javax.sql.DataSource;
import org.porchlight.intake.OffsetStore;

/** Update offsets in the {@code update_offsets} table. */
final class JdbcOffsetStore implements OffsetStore {
  private final Jdbc jdbc;

  JdbcOffsetStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public OptionalLong lastHandled(String source) {
    return jdbc.queryOne(
            "SELECT last_update_id FROM update_offsets WHERE source = ?",
            statement -> statement.setString(1, source),
            row -> row.getLong(1))
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  @Override
  public void handled(String source, long updateId) {
    // Never backwards: a late batch must not undo a later one.
    int moved =
        jdbc.update(
            "UPDATE update_offsets SET last_update_id = ? WHERE source = ? AND last_update_id < ?",
            statement -> {
              statement.setLong(1, updateId);
              statement.setString(2, source);
              statement.setLong(3, updateId);
            });
    if (moved > 0 || lastHandled(source).isPresent()) return;
    try {
      jdbc.update(
          "INSERT INTO update_offsets (last_update_id, source) VALUES (?, ?)",
          statement -> {
            statement.setLong(1, updateId);
            statement.setString(2, source);
          });
    } catch (StoreException e) {
      // Another instance inserted it first: move it forward if ours is later.
      handled(source, updateId);
    }
  }
}
