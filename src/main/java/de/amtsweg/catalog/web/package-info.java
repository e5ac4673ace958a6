/**
 * The catalog's web layer: the public Leistungen pages (search, Themenfelder, Lebenslagen, one page
 * per Leistung with its Zuständigkeit), the read-only services API under {@code /api/v1/services}
 * and the operator's catalog pages (overrides, Reifegrad assessments, re- import). Internal to the
 * module.
 */
@NullMarked
package de.amtsweg.catalog.web;

import org.jspecify.annotations.NullMarked;
