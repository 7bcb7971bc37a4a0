package dev.rapport.people.internal;

import org.springframework.context.ApplicationContext;

/** Lets the crash test's child process merge persons through the real service. */
public final class MergeDriver {

  private MergeDriver() {}

  public static void merge(ApplicationContext context, long survivor, long merged, String reason) {
    context.getBean(Merges.class).merge(survivor, merged, reason, null);
  }
}
