/**
 * Runs the {@link de.amtsweg.platform.RecurringJob}s of all modules with db-scheduler, on exactly
 * one node per due time.
 */
@NullMarked
package de.amtsweg.platform.jobs;

import org.jspecify.annotations.NullMarked;
