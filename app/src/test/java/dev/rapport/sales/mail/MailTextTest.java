package dev.rapport.sales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The safe excerpt: HTML to text, quotes and signatures cut, whitespace folded, length capped. */
class MailTextTest {

  @Test
  void htmlBecomesItsVisibleTextOnly() {
    assertThat(
            MailText.htmlToText(
                "<style>x{}</style><p>Hi <i>you</i></p><script>steal()</script>"
                    + "<blockquote>quoted</blockquote>"))
        .isEqualTo("Hi you");
  }

  @Test
  void quotedRepliesAndSignaturesAreCut() {
    String reply =
        "Yes, Tuesday works.\n\nOn Mon, 7 Dec 2026 at 10:00, Ada <ada@x.test> wrote:\n> When?";
    assertThat(MailText.clip(MailText.trimQuoted(reply))).isEqualTo("Yes, Tuesday works.");
    assertThat(MailText.clip(MailText.trimQuoted("Thanks!\n-- \nBob\nCEO"))).isEqualTo("Thanks!");
    assertThat(MailText.clip(MailText.trimQuoted("Fine\n-----Original Message-----\nold")))
        .isEqualTo("Fine");
  }

  @Test
  void longTextIsCappedAndControlCharactersDropped() {
    String clipped = MailText.clip("a\u0000b " + "x".repeat(1000));
    assertThat(clipped).startsWith("ab x").endsWith("…").hasSize(MailText.EXCERPT);
  }
}
