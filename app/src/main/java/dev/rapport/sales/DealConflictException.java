package dev.rapport.sales;

/**
 * Raised when a change lost a race or contradicts the deal's state: someone else changed the deal
 * first (its version moved on), a gate was already confirmed, a closed deal was moved. The API
 * answers 409 with the message.
 */
public class DealConflictException extends RuntimeException {

  public DealConflictException(String message) {
    super(message);
  }
}
