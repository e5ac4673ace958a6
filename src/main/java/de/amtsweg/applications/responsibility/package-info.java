/**
 * Zuständigkeit for an Antrag: which tenant receives it from the applicant's place ({@link
 * de.amtsweg.applications.responsibility.Responsibility}). Internal to the module.
 */
@NullMarked
package de.amtsweg.applications.responsibility;

import org.jspecify.annotations.NullMarked;
