/**
 * The documents an applicant and the authority get for a submitted Antrag: the receipt as PDF/A-3
 * with the answers embedded ({@link de.amtsweg.applications.receipt.ReceiptPdf}, rendered by {@code
 * platform.PdfDocuments}) and the answers as XML ({@link
 * de.amtsweg.applications.receipt.AnswersXml}), both built from {@link
 * de.amtsweg.applications.receipt.ReceiptData}. Internal to the module: the case inbox shows the
 * answers with {@code forms.AnswerView}, as the receipt does.
 */
@NullMarked
package de.amtsweg.applications.receipt;

import org.jspecify.annotations.NullMarked;
