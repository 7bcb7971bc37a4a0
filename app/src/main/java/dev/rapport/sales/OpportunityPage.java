package dev.rapport.sales;

import java.util.List;

/** One page of opportunities the current user may see, newest first, and how many there are. */
public record OpportunityPage(List<Opportunity> items, int page, int size, long total) {

  public OpportunityPage {
    items = List.copyOf(items);
  }
}
