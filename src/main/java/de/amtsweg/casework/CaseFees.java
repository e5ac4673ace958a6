package de.amtsweg.casework;

import de.amtsweg.delivery.BackChannel;
import org.springframework.stereotype.Service;

/**
 * The fee an authority charges after the Bescheid, set in the case inbox and passed to the Antrag's
 * owner through the back channel, which asks the applicant to pay it online.
 */
@Service
public class CaseFees {

  /** The problem type of the owner's refusal: nothing is to be paid online for this Antrag. */
  public static final String NOTHING_DUE = "payment-not-due";

  private final Cases cases;
  private final BackChannel backChannel;

  CaseFees(Cases cases, BackChannel backChannel) {
    this.cases = cases;
    this.backChannel = backChannel;
  }

  /**
   * Charges the fee. Runs outside a transaction: the payment service is called.
   *
   * @throws de.amtsweg.platform.ProblemException of type {@link #NOTHING_DUE} when the tenant does
   *     not take this app's fee after the Bescheid, or it was paid already
   */
  public void charge(Caseworker who, String reference, long amountCents) {
    Vorgang vorgang = cases.find(who, reference);
    backChannel.chargeFee(cases.delivery(vorgang), amountCents, who.username());
  }
}
