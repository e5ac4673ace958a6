package de.amtsweg.catalog;

/** A topic of the OZG catalog, e.g. "Familie &amp; Kind". */
public record Themenfeld(int id, String name, int leistungen) {}
