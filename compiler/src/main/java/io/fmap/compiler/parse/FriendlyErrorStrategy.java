package io.fmap.compiler.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import io.fmap.grammar.FMapLexer;

/**
 * ANTLR's recovery (single-token insertion and deletion, then resynchronising on the follow
 * set) with every report sent to {@link SyntaxReporter} instead of ANTLR's English.
 */
final class FriendlyErrorStrategy extends DefaultErrorStrategy {

  private final SyntaxReporter reporter;

  FriendlyErrorStrategy(SyntaxReporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Never recover by deleting a closing bracket: it nearly always closes something the user
   * meant to close, and deleting it makes every later line an error.
   */
  @Override
  protected Token singleTokenDeletion(Parser parser) {
    int type = parser.getInputStream().LA(1);
    if (type == FMapLexer.RBRACE || type == FMapLexer.RPAREN || type == FMapLexer.RBRACK) return null;
    return super.singleTokenDeletion(parser);
  }

  @Override
  protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
    reporter.unexpected(parser, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  protected void reportInputMismatch(Parser parser, InputMismatchException e) {
    reporter.unexpected(parser, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
    reporter.unexpected(parser, e.getOffendingToken(), parser.getExpectedTokens());
  }

  @Override
  protected void reportUnwantedToken(Parser parser) {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    reporter.unexpected(parser, parser.getCurrentToken(), getExpectedTokens(parser));
  }

  @Override
  protected void reportMissingToken(Parser parser) {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    reporter.missing(parser, parser.getCurrentToken(), getExpectedTokens(parser));
  }
}
