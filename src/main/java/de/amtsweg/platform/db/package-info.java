/**
 * The embedded PostgreSQL that starts when no {@code spring.datasource.url} is configured. Internal
 * to the module.
 */
@NullMarked
package de.amtsweg.platform.db;

import org.jspecify.annotations.NullMarked;
