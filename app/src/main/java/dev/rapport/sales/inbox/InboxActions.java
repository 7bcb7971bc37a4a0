package dev.rapport.sales.inbox;

import dev.rapport.listening.MentionDetails;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.LeadMade;
import dev.rapport.sales.LeadSource;
import dev.rapport.sales.Leads;
import dev.rapport.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path for every action on an item, from the page and the API alike: the item must be
 * visible to the caller (else not found), the input is checked naming the field, then {@link
 * InboxWork} changes it and records who did what.
 */
@Component
class InboxActions {

  private final InboxQueries queries;
  private final InboxWork work;
  private final InboxReplies replies;
  private final Leads leads;
  private final RecordAccess records;
  private final MentionDetails mentions;

  InboxActions(
      InboxQueries queries,
      InboxWork work,
      InboxReplies replies,
      Leads leads,
      RecordAccess records,
      MentionDetails mentions) {
    this.queries = queries;
    this.work = work;
    this.replies = replies;
    this.leads = leads;
    this.records = records;
    this.mentions = mentions;
  }

  Item assign(long id, Long userId) {
    queries.get(id);
    return work.assign(id, required(userId));
  }

  /** Assigns every item after checking all of them: one hidden or done item refuses the batch. */
  List<Item> assignAll(List<Long> ids, Long userId) {
    if (ids == null || ids.isEmpty()) {
      throw InvalidInputException.of("itemIds", "choose at least one item");
    }
    if (ids.size() > InboxQueries.MAX_SIZE) {
      throw InvalidInputException.of("itemIds", "at most " + InboxQueries.MAX_SIZE + " at once");
    }
    long user = required(userId);
    ids.forEach(queries::get);
    return work.assignAll(ids, user);
  }

  Item snooze(long id, Instant until) {
    queries.get(id);
    return work.snooze(id, until);
  }

  Item done(long id) {
    queries.get(id);
    return work.done(id);
  }

  /** Replies (posted or drafted); {@link InboxReplies} asks the visibility question itself. */
  InboxReplies.Outcome reply(long id, String text) {
    return replies.reply(id, text);
  }

  /**
   * Makes the item's person a lead: the source is the listening rule that heard them (or manual
   * when no rule is known), the lifecycle history says "from inbox item #n", and the item's history
   * records it. The person must be visible and changeable by the caller.
   */
  @Transactional
  LeadMade makeLead(long id) {
    Item item = queries.get(id);
    if (item.person() == null) {
      throw InvalidInputException.of("person", "the item has no person to make a lead");
    }
    records.requireChangeablePerson(item.person());
    String rules =
        mentions.rules().stream()
            .filter(r -> item.ruleIds().contains(r.id()))
            .map(MentionDetails.Rule::name)
            .collect(Collectors.joining(", "));
    LeadSource source = item.ruleIds().isEmpty() ? LeadSource.MANUAL : LeadSource.LISTENING_RULE;
    String detail = "inbox item #" + id + (rules.isEmpty() ? "" : ", rule " + rules);
    LeadMade made = leads.makeLead(item.person(), source, detail, "from inbox item #" + id);
    work.leadMade(id, made);
    return made;
  }

  private static long required(Long userId) {
    if (userId == null) {
      throw InvalidInputException.of("userId", "choose whom to assign it to");
    }
    return userId;
  }
}
