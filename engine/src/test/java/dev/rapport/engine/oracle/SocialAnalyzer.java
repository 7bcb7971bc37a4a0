package dev.rapport.engine.oracle;

import dev.rapport.engine.text.Token;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A Lucene analyzer that emits Rapport's own tokens. Deliberate difference from stock Lucene:
 * StandardAnalyzer splits #hashtags, @mentions, $cashtags, URLs and emoji sequences, keeps
 * elongations and does not fold accents, so the oracle analyses with our tokenizer and the
 * differential test compares rule semantics, not tokenization.
 */
public final class SocialAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new SocialTokenizer());
  }

  private static final class SocialTokenizer extends org.apache.lucene.analysis.Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private List<Token> tokens = List.of();
    private int index;
    private int lastPosition;
    private int length;

    @Override
    public void reset() throws IOException {
      super.reset();
      String text = read(input);
      length = text.length();
      tokens = dev.rapport.engine.text.Tokenizer.tokenize(text);
      index = 0;
      lastPosition = -1;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      if (index >= tokens.size()) {
        return false;
      }
      Token t = tokens.get(index++);
      term.setEmpty().append(t.text());
      offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
      increment.setPositionIncrement(t.position() - lastPosition);
      lastPosition = t.position();
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(correctOffset(length), correctOffset(length));
    }

    private static String read(Reader reader) throws IOException {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[1024];
      for (int n; (n = reader.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }
}
