package dev.rapport.collab.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.collab.internal.CommentText.Part;
import dev.rapport.shared.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommentTextTest {

  static final Set<String> USERS = Set.of("li", "maria.santos");

  static List<Part> parts(String text) {
    return CommentText.parts(text, USERS::contains);
  }

  static String joined(List<Part> parts) {
    return parts.stream().map(Part::text).collect(Collectors.joining());
  }

  @Test
  void linksMentionsAndTextJoinBackToTheText() {
    String text = "Ask @li about https://example.com/deal?id=3, and @Maria.Santos. Thanks @nobody!";
    List<Part> parts = parts(text);
    assertThat(joined(parts)).isEqualTo(text);
    assertThat(parts)
        .filteredOn(Part::isLink)
        .extracting(Part::text, Part::href)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "https://example.com/deal?id=3", "https://example.com/deal?id=3"));
    assertThat(parts)
        .filteredOn(Part::isMention)
        .extracting(Part::username)
        .containsExactly("li", "maria.santos");
    // an unknown @name stays plain text
    assertThat(parts).filteredOn(p -> p.text().contains("@nobody")).allMatch(p -> !p.isMention());
  }

  @Test
  void onlyWebAddressesBecomeLinks() {
    for (String s :
        List.of(
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "<a href=\"https://x.example\">x</a>",
            "ftp://files.example/x",
            "http://")) {
      List<Part> parts = parts("see " + s);
      assertThat(joined(parts)).isEqualTo("see " + s);
      parts.stream()
          .filter(Part::isLink)
          .forEach(p -> assertThat(p.href()).startsWith("https://").doesNotContain("<", "\""));
    }
    assertThat(parts("see javascript:alert(1)")).noneMatch(Part::isLink);
    assertThat(parts("<script>alert(1)</script>")).noneMatch(p -> p.isLink() || p.isMention());
  }

  @Test
  void sentencePunctuationEndsALinkButABalancedParenthesisStays() {
    assertThat(parts("(see https://example.com/a).").stream().filter(Part::isLink))
        .extracting(Part::text)
        .containsExactly("https://example.com/a");
    assertThat(parts("https://en.wikipedia.org/wiki/Foo_(bar) ok").stream().filter(Part::isLink))
        .extracting(Part::text)
        .containsExactly("https://en.wikipedia.org/wiki/Foo_(bar)");
  }

  @Test
  void anEmailAddressIsNoMention() {
    assertThat(CommentText.mentions("write to li@example.com or ping @li")).containsExactly("li");
    assertThat(parts("li@example.com")).noneMatch(Part::isMention);
  }

  @Test
  void anEmptyCommentIsRefused() {
    assertThatThrownBy(() -> CommentText.check("text", "  \n "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("text: is empty");
    assertThatThrownBy(() -> CommentText.check("text", null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aTooLongCommentIsRefusedWithItsLengthAndTheLimit() {
    assertThat(CommentText.check("text", "a".repeat(CommentText.MAX))).hasSize(CommentText.MAX);
    assertThatThrownBy(() -> CommentText.check("text", "a".repeat(10_000)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("text: is 10000 characters long")
        .hasMessageContaining("at most " + CommentText.MAX);
  }

  @Test
  void controlCharactersAreRefusedButLineBreaksKept() {
    assertThatThrownBy(() -> CommentText.check("text", "hello\u0000world"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("U+0000");
    assertThatThrownBy(() -> CommentText.check("text", "bell\u0007"))
        .hasMessageContaining("U+0007");
    assertThat(CommentText.check("text", " two\r\nlines\tok ")).isEqualTo("two\nlines\tok");
  }
}
