/**
 * The documents an applicant and the authority get for a submitted Antrag: the receipt as PDF/A-3
 * with the answers embedded ({@link de.amtsweg.applications.receipt.ReceiptPdf}) and the answers as
 * XML ({@link de.amtsweg.applications.receipt.AnswersXml}), both built from {@link
 * de.amtsweg.applications.receipt.ReceiptData}.
 */
@NullMarked
package de.amtsweg.applications.receipt;

import org.jspecify.annotations.NullMarked;
