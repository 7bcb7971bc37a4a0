package dev.rapport.sales.board;

import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.NewOpportunity;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deals for the board and forecast tests, made through the facade (as the system). */
@Component
public class BoardFixtures {

  private final Opportunities deals;
  private final JdbcClient jdbc;
  private final SocialIdentities identities;

  BoardFixtures(Opportunities deals, JdbcClient jdbc, SocialIdentities identities) {
    this.deals = deals;
    this.jdbc = jdbc;
    this.identities = identities;
  }

  /** A person without an owner (visible to everyone), the deal's primary person. */
  public PersonId person() {
    return identities.resolveAuthor(
        Network.OTHER, "board-" + java.util.UUID.randomUUID(), null, "Board Person", null, null);
  }

  public Pipeline pipeline() {
    return deals.defaultPipeline();
  }

  /** The default pipeline's open stage at a position (1 = first). */
  public PipelineStage stage(int position) {
    return pipeline().openStages().get(position - 1);
  }

  /** A deal of the owner in the first stage of the default pipeline. */
  public Opportunity deal(
      String name, long owner, String amount, String currency, LocalDate close) {
    return deals.create(
        new NewOpportunity(
            name,
            null,
            null,
            new BigDecimal(amount),
            currency,
            null,
            close,
            owner,
            null,
            person(),
            null,
            DealSource.MANUAL,
            null,
            null));
  }

  /** Puts the deal in a stage straight in the table (setting up a test, not moving a deal). */
  public void placeIn(long dealId, PipelineStage stage) {
    jdbc.sql("update deal_opportunity set stage_id = :s where id = :id")
        .param("s", stage.id())
        .param("id", dealId)
        .update();
  }

  public long stageOf(long dealId) {
    return jdbc.sql("select stage_id from deal_opportunity where id = :id")
        .param("id", dealId)
        .query(Long.class)
        .single();
  }
}
