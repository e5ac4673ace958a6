/**
 * The delivery module's web layer: the pull API for Fachverfahren, the signed callbacks of webhook
 * receivers, and the tenant admins' cockpit and route pages. Internal to the module.
 */
@NullMarked
package de.amtsweg.delivery.web;

import org.jspecify.annotations.NullMarked;
