package org.porchlight.store.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's tables, from the DDL Quartz ships in its own jar (one script for H2, one for
 * PostgreSQL), so the job store always matches the Quartz version on the class path. The scripts'
 * DROP and COMMIT statements are left out: Flyway owns the transaction and the schema is new.
 */
public final class V4__Quartz_tables extends BaseJavaMigration {
  private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";

  @Override
  public void migrate(Context context) throws Exception {
    String product =
        context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String script = product.contains("postgres") ? "tables_postgres.sql" : "tables_h2.sql";
    try (Statement statement = context.getConnection().createStatement()) {
      for (String sql : statements(read(SCRIPTS + script))) statement.execute(sql);
    }
  }

  /** The script's statements, without comments, DROPs and COMMITs. */
  static List<String> statements(String script) {
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      int comment = line.indexOf("--");
      withoutComments.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    List<String> statements = new ArrayList<>();
    for (String part : withoutComments.toString().split(";")) {
      String sql = part.strip();
      String upper = sql.toUpperCase(Locale.ROOT);
      if (sql.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) continue;
      statements.add(sql);
    }
    return statements;
  }

  private static String read(String resource) {
    try (InputStream in = V4__Quartz_tables.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("Quartz's " + resource + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
