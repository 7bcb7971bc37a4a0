package dev.rapport.sales;

/** Whether an opportunity is still being worked, or was won or lost. */
public enum DealStatus {
  OPEN,
  WON,
  LOST
}
