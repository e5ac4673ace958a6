/**
 * The tenancy module's web layer: the place chooser ({@code /ort}), the authority pages and API,
 * the operator's tenant administration and each tenant's logo and theme. Internal to the module.
 */
@NullMarked
package de.amtsweg.tenancy.web;

import org.jspecify.annotations.NullMarked;
