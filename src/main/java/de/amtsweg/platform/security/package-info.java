/**
 * Spring Security for the whole application: filter chains, CSRF and security headers, staff
 * accounts and their login with throttling, the bearer token filter, the OAuth 2.0 token endpoint
 * and the operator and demo accounts created at start-up. Internal to the module; other modules use
 * its beans through Spring.
 */
@NullMarked
package de.amtsweg.platform.security;

import org.jspecify.annotations.NullMarked;
