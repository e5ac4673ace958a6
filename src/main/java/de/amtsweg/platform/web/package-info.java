/**
 * Web infrastructure for every module: the page layout model, language selection, correlation ids,
 * the error contract (problem details and error pages), the staff login page and the OpenAPI
 * description. Internal to the module; other modules use it only through Spring.
 */
@NullMarked
package de.amtsweg.platform.web;

import org.jspecify.annotations.NullMarked;
