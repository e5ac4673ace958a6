/**
 * The case inbox's web layer: the caseworkers' list and case pages, and the tenant admins' settings
 * per app (Bescheid template, retention period) with the audit log. Internal to the module.
 */
@NullMarked
package de.amtsweg.casework.web;

import org.jspecify.annotations.NullMarked;
