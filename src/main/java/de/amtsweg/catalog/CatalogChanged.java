package de.amtsweg.catalog;

/** Published when an operator changed what search results show: an override or an assessment. */
record CatalogChanged(String leikaKey) {}
