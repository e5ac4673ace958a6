/** The portal's pages: start page and the portal's legal pages. Internal to the module. */
@NullMarked
package de.amtsweg.portal.web;

import org.jspecify.annotations.NullMarked;
