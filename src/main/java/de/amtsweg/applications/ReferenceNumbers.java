package de.amtsweg.applications;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Citizen-facing reference numbers: prefix, year, and a counter per prefix and year. */
final class ReferenceNumbers {

  private ReferenceNumbers() {}

  /** The next number, e.g. {@code HUND-2026-000123}; called inside the submitting transaction. */
  static String next(JdbcClient jdbc, String prefix, int year) {
    int number =
        jdbc.sql(
                """
            insert into antrag_reference_counter (prefix, year, last) values (?, ?, 1)
            on conflict (prefix, year) do update set last = antrag_reference_counter.last + 1
            returning last
            """)
            .params(prefix, year)
            .query(Integer.class)
            .single();
    return "%s-%d-%06d".formatted(prefix, year, number);
  }
}
