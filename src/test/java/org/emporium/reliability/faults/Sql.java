package org.emporium.reliability.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plain JDBC reads of the contexts' tables (the test's own connection, never a node's). */
final class Sql {

  private Sql() {
  }

  /** The first column of the first row as a number (0 when null); arrays of strings, longs or UUIDs bind as arrays. */
  static long count(Connection db, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(db, sql, args); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static List<String> strings(Connection db, String sql, Object... args) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = prepare(db, sql, args); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static PreparedStatement prepare(Connection db, String sql, Object... args) throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg instanceof String[] texts) {
        statement.setArray(i + 1, db.createArrayOf("text", texts));
      } else if (arg instanceof Long[] numbers) {
        statement.setArray(i + 1, db.createArrayOf("bigint", numbers));
      } else if (arg instanceof UUID[] ids) {
        statement.setArray(i + 1, db.createArrayOf("uuid", ids));
      } else {
        statement.setObject(i + 1, arg);
      }
    }
    return statement;
  }
}
