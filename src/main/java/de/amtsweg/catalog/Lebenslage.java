package de.amtsweg.catalog;

/** A life or business situation of the OZG catalog, e.g. "Geburt". */
public record Lebenslage(int id, int themenfeldId, String name, int leistungen) {}
