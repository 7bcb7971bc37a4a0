package dev.rapport.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static List<String> texts(String s) {
    return Tokenizer.tokenize(s).stream().map(Token::text).toList();
  }

  @Test
  void keepsHashtagsMentionsCashtagsUrlsEmojiAndEmoticonsWhole() {
    List<Token> tokens =
        Tokenizer.tokenize("New #NikeAir by @nike_store $NKE https://www.Nike.com/x?y=1. 👩‍💻 :)");
    assertThat(tokens)
        .extracting(Token::text)
        .containsExactly(
            "new",
            "#nikeair",
            "nikeair",
            "by",
            "@nike_store",
            "$nke",
            "https://www.nike.com/x?y=1",
            "👩‍💻",
            ":)");
    assertThat(tokens)
        .extracting(Token::kind)
        .containsExactly(
            Token.Kind.WORD,
            Token.Kind.HASHTAG,
            Token.Kind.WORD,
            Token.Kind.WORD,
            Token.Kind.MENTION,
            Token.Kind.CASHTAG,
            Token.Kind.URL,
            Token.Kind.EMOJI,
            Token.Kind.EMOTICON);
  }

  @Test
  void foldsCaseAndAccentsAndShortensElongations() {
    assertThat(texts("Café SOOOOO gooooood, Ærø Łódź"))
        .containsExactly("cafe", "soo", "good", "æro", "lodz");
  }

  @Test
  void keepsContractionsAndNumbersWithUnits() {
    assertThat(texts("don’t buy 3.5GHz for 100 or 20% off, it's 5kg"))
        .containsExactly("don't", "buy", "3.5ghz", "for", "100", "or", "20%", "off", "it's", "5kg");
  }

  @Test
  void recordsPositionsAndCharacterSpans() {
    List<Token> tokens = Tokenizer.tokenize("Hi  #there you");
    assertThat(tokens)
        .containsExactly(
            new Token("hi", Token.Kind.WORD, 0, 0, 2),
            new Token("#there", Token.Kind.HASHTAG, 1, 4, 10),
            new Token("there", Token.Kind.WORD, 1, 4, 10),
            new Token("you", Token.Kind.WORD, 2, 11, 14));
  }

  @Test
  void skipsZeroWidthBidiControlsAndLoneSurrogates() {
    assertThat(texts("bra\u200Bnd \u202Eevil\u202C a\uD800b \u0000x\u0007y"))
        .containsExactly("brand", "evil", "a", "b", "x", "y");
  }

  @Test
  void readsRightToLeftAndCjkText() {
    assertThat(texts("שָׁלוֹם עולם")).containsExactly("שלום", "עולם");
    assertThat(texts("مرحبا بالعالم")).containsExactly("مرحبا", "بالعالم");
    assertThat(texts("日本語")).containsExactly("日", "本", "語");
  }

  @Test
  void keepsFlagsSkinTonesAndVariationSelectorsInOneEmoji() {
    assertThat(texts("🇫🇷👍🏽❤️")).containsExactly("🇫🇷", "👍🏽", "❤");
  }

  @Test
  void bufferApiAgreesWithTheListApi() {
    Tokens buffer = new Tokens();
    String text = "Loving the #sun ☀️ at https://example.com today!!!";
    Tokenizer.tokenize(text, buffer);
    assertThat(buffer.toList()).isEqualTo(Tokenizer.tokenize(text));
    assertThat(buffer.hash(0)).isEqualTo("loving".hashCode());
  }
}
