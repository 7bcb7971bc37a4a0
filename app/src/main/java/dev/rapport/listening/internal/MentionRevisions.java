package dev.rapport.listening.internal;

import dev.rapport.listening.MentionRevised;
import dev.rapport.listening.NormalizedPost;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Edits and deletes by a post's author, applied to its stored mention: an edit replaces the text
 * and its match spans, a delete removes the text and marks the mention deleted; either is published
 * as {@link MentionRevised} in the same transaction, after the timeline is revised.
 */
@Component
class MentionRevisions {

  private final JdbcClient jdbc;
  private final PostClassifier classifier;
  private final MentionTouchpoints touchpoints;
  private final TransactionTemplate tx;
  private final ListeningProperties props;

  MentionRevisions(
      JdbcClient jdbc,
      PostClassifier classifier,
      MentionTouchpoints touchpoints,
      TransactionTemplate tx,
      ListeningProperties props) {
    this.jdbc = jdbc;
    this.classifier = classifier;
    this.touchpoints = touchpoints;
    this.tx = tx;
    this.props = props;
  }

  /**
   * Applies an edit; false when no mention of the post is stored (the caller then ingests it as a
   * new post). A deleted mention stays deleted.
   */
  boolean edit(NormalizedPost post) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              List<Map<String, Object>> found =
                  jdbc.sql(
                          "select id, deleted_at from listening_mention"
                              + " where network = :n and native_id = :id")
                      .param("n", post.network())
                      .param("id", post.nativeId())
                      .query()
                      .listOfRows();
              if (found.isEmpty()) {
                return false;
              }
              if (found.get(0).get("deleted_at") != null) {
                return true;
              }
              long id = ((Number) found.get(0).get("id")).longValue();
              Classification c = classifier.classify(post);
              String raw = post.rawPayload();
              jdbc.sql(
                      """
                      update listening_mention set text = :text, spans = :spans,
                        readings = :readings, raw_payload = :raw, edited_at = :at
                      where id = :id
                      """)
                  .param("text", post.text())
                  .param("spans", c.spansJson())
                  .param("readings", c.matched() ? c.readingsJson() : "{}")
                  .param(
                      "raw", raw == null ? null : PostValidator.excerpt(raw, props.rawMaxChars()))
                  .param("at", Timestamp.from(Instant.now()))
                  .param("id", id)
                  .update();
              ReadingColumns.of(c.matched() ? c.readingsJson() : "{}").write(jdbc, id);
              touchpoints.revised(new MentionRevised(id, post.network(), post.text(), false));
              return true;
            }));
  }

  /**
   * Marks deleted the mention with this native id, or the one this source stored with this remote
   * id; returns how many were marked.
   */
  int delete(String network, String nativeId, Long sourceId, String remoteId) {
    Integer marked =
        tx.execute(
            status -> {
              List<Long> ids =
                  nativeId != null
                      ? jdbc.sql(
                              "select id from listening_mention where network = :n"
                                  + " and native_id = :id and deleted_at is null")
                          .param("n", network)
                          .param("id", nativeId)
                          .query(Long.class)
                          .list()
                      : jdbc.sql(
                              "select id from listening_mention where source_id = :s"
                                  + " and remote_id = :r and network = :n and deleted_at is null")
                          .param("s", sourceId)
                          .param("r", remoteId)
                          .param("n", network)
                          .query(Long.class)
                          .list();
              Timestamp at = Timestamp.from(Instant.now());
              for (long id : ids) {
                jdbc.sql(
                        """
                        update listening_mention set text = '', spans = '[]', readings = '{}',
                          raw_payload = null, deleted_at = :at
                        where id = :id
                        """)
                    .param("at", at)
                    .param("id", id)
                    .update();
                ReadingColumns.NONE.write(jdbc, id);
                touchpoints.revised(new MentionRevised(id, network, null, true));
              }
              return ids.size();
            });
    return marked == null ? 0 : marked;
  }
}
