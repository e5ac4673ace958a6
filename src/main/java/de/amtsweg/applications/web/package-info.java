/**
 * The applicant's pages and the Anträge API: starting an Antrag for the chosen place, one page per
 * step, check and submit, the confirmation with the receipt, the Warenkorb and "Meine Anträge".
 * Controllers only; the rules they apply live in the module ({@code Drafts}, {@code
 * AntragManagement}, {@code Warenkorb}) and in the package-private helpers here (reading answers
 * from a form, the upload policy, what a session may open).
 */
@NullMarked
package de.amtsweg.applications.web;

import org.jspecify.annotations.NullMarked;
