/**
 * The documents an applicant and the authority get for a submitted Antrag: the receipt as PDF/A-3
 * with the answers embedded ({@link de.amtsweg.applications.receipt.ReceiptPdf}) and the answers as
 * XML ({@link de.amtsweg.applications.receipt.AnswersXml}), both built from {@link
 * de.amtsweg.applications.receipt.ReceiptData}. Exposed as the named interface {@code receipt}: the
 * case inbox ({@code casework}) shows the answers as the receipt does ({@link
 * de.amtsweg.applications.receipt.ReceiptView}) and renders its Bescheide with the same PDF/A
 * setup.
 */
@NullMarked
@NamedInterface("receipt")
package de.amtsweg.applications.receipt;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
