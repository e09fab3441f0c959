// The .fmap mapping language (see docs/language.md for the guide with examples).
// Newlines are not tokens: one assignment a line is the formatter's convention, not the parser's.
grammar FMap;



// ---------------------------------------------------------------- declarations

file : declaration* EOF ;

declaration
  : importDecl
  | paramDecl
  | mapDecl
  | valuemapDecl
  | columnDecl
  | tableDecl
  | relationshipDecl
  | processDecl
  ;

importDecl : IMPORT STRING ;

paramDecl : PARAM name COLON typeRef (ASSIGN expression)? ;

// Clauses come in one fixed order (routing, filter, order) so every map reads the same way.
mapDecl
  : MAP source=qualifiedName ARROW target=qualifiedName
    routing?
    (WHERE filter=expression)?
    (AFTER qualifiedName (COMMA qualifiedName)*)?
    LBRACE mapItem* RBRACE
  ;

routing
  : WHEN expression   # whenRouting
  | OTHERWISE         # otherwiseRouting
  ;

mapItem
  : KEY? fieldPath ASSIGN expression   # assignment
  | LET IDENT ASSIGN expression        # letBinding
  // One activity party per address (per element with `each`), resolved by email in the tables named.
  | PARTY role=name ASSIGN EACH? expression RESOLVE qualifiedName (COMMA qualifiedName)*   # partyItem
  ;

fieldPath : name (DOT name)* ;

valuemapDecl
  : VALUEMAP name COLON source=qualifiedName ARROW target=qualifiedName
    LBRACE valueMapping* valueElse? RBRACE
  ;

valueMapping : literal ARROW valueTarget ;
valueElse    : ELSE ARROW valueTarget ;
valueTarget  : literal | name ;

columnDecl : COLUMN qualifiedName COLON typeRef REQUIRED? ;

tableDecl : TABLE qualifiedName LBRACE tableColumn* RBRACE ;
tableColumn : name COLON typeRef REQUIRED? ;

// `from spark.Object.field`: the source list field whose elements are the links (one per element).
relationshipDecl
  : RELATIONSHIP qualifiedName COLON left=qualifiedName cardinality right=qualifiedName (FROM links=qualifiedName)?
  ;
cardinality : MANY_TO_MANY | ONE_TO_MANY | MANY_TO_ONE ;

processDecl
  : PROCESS STRING ON qualifiedName STAGES LBRACK STRING (COMMA STRING)* COMMA? RBRACK
  ;

typeRef : name (LPAREN typeArg (COMMA typeArg)* RPAREN)? choiceOptions? ;
typeArg : INT | qualifiedName ;
choiceOptions : LBRACE choiceOption (COMMA choiceOption)* COMMA? RBRACE ;
choiceOption : (name | STRING) (ASSIGN INT)? ;

qualifiedName : name (DOT name)* ;

// Soft keywords: words that mean something only where a declaration or lookup is expected,
// so a CRM field that happens to be called `key`, `owner` or `table` needs no quoting.
name
  : IDENT | QUOTED_NAME
  | KEY | OWNER | REQUIRED | STAGES | ON | IMPORT | PARAM | VALUEMAP | COLUMN | TABLE
  | RELATIONSHIP | PROCESS | REF | PARTY | EACH | RESOLVE | FROM
  ;

// ---------------------------------------------------------------- expressions (loosest first)

expression : chain ;

// Pipes and `??` share the loosest level and read left to right:
// `last_name ?? "(unknown)" | truncate(50)` truncates either value, and
// `email | lower ?? "none"` falls back after the pipe.
chain : orExpr (PIPE pipeCall | QQ orExpr)* ;
pipeCall : name (LPAREN arguments? RPAREN)? ;

orExpr   : andExpr (OR andExpr)* ;
andExpr  : notExpr (AND notExpr)* ;
notExpr  : NOT notExpr | comparison ;

// Left-factored so the parser decides after the left operand with one token of lookahead:
// an error inside the operand is then reported where it is, not at the start of the comparison.
comparison : additive (op=(EQ | NE | LT | LE | GT | GE) additive | NOT? IN list)? ;

additive       : multiplicative (op+=(PLUS | MINUS) multiplicative)* ;
multiplicative : unary (op+=(STAR | SLASH | PERCENT) unary)* ;
unary          : MINUS unary | postfix ;
postfix        : primary (DOT name)* ;

primary
  : literal                                            # literalPrimary
  | list                                               # listPrimary
  | LPAREN expression RPAREN                           # parenPrimary
  | IF expression THEN expression ELSE expression      # ifPrimary
  | MATCH expression LBRACE matchCase* matchElse? RBRACE   # matchPrimary
  | REF LPAREN qualifiedName COMMA expression RPAREN   # refPrimary
  | OWNER LPAREN expression RPAREN                     # ownerPrimary
  | name LPAREN arguments? RPAREN                      # callPrimary
  | IGNORE                                             # ignorePrimary
  | name                                               # namePrimary
  ;

arguments : expression (COMMA expression)* ;
list : LBRACK (expression (COMMA expression)* COMMA?)? RBRACK ;

matchCase : pattern (COMMA pattern)* ARROW expression ;
matchElse : ELSE ARROW expression ;
pattern   : literal | name ;

literal : STRING | INT | DECIMAL | DATE | DATETIME | TRUE | FALSE | NULL ;

// ---------------------------------------------------------------- lexer

MAP          : 'map' ;
WHEN         : 'when' ;
OTHERWISE    : 'otherwise' ;
WHERE        : 'where' ;
AFTER        : 'after' ;
KEY          : 'key' ;
LET          : 'let' ;
IGNORE       : 'ignore' ;
VALUEMAP     : 'valuemap' ;
ELSE         : 'else' ;
PARAM        : 'param' ;
IMPORT       : 'import' ;
COLUMN       : 'column' ;
TABLE        : 'table' ;
RELATIONSHIP : 'relationship' ;
PROCESS      : 'process' ;
STAGES       : 'stages' ;
ON           : 'on' ;
REQUIRED     : 'required' ;
IF           : 'if' ;
THEN         : 'then' ;
MATCH        : 'match' ;
AND          : 'and' ;
OR           : 'or' ;
NOT          : 'not' ;
IN           : 'in' ;
TRUE         : 'true' ;
FALSE        : 'false' ;
NULL         : 'null' ;
REF          : 'ref' ;
OWNER        : 'owner' ;
PARTY        : 'party' ;
EACH         : 'each' ;
RESOLVE      : 'resolve' ;
FROM         : 'from' ;
MANY_TO_MANY : 'many-to-many' ;
ONE_TO_MANY  : 'one-to-many' ;
MANY_TO_ONE  : 'many-to-one' ;

ARROW   : '->' ;
QQ      : '??' ;
EQ      : '==' ;
NE      : '!=' ;
LE      : '<=' ;
GE      : '>=' ;
LT      : '<' ;
GT      : '>' ;
ASSIGN  : '=' ;
PIPE    : '|' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
SLASH   : '/' ;
PERCENT : '%' ;
DOT     : '.' ;
COMMA   : ',' ;
COLON   : ':' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
LBRACE  : '{' ;
RBRACE  : '}' ;
LBRACK  : '[' ;
RBRACK  : ']' ;

// ISO dates are literals; longest match keeps them apart from subtraction of numbers.
DATETIME : DIGIT4 '-' DIGIT2 '-' DIGIT2 'T' DIGIT2 ':' DIGIT2 (':' DIGIT2 ('.' [0-9]+)?)? ('Z' | [+-] DIGIT2 ':' DIGIT2)? ;
DATE     : DIGIT4 '-' DIGIT2 '-' DIGIT2 ;
DECIMAL  : [0-9]+ '.' [0-9]+ ;
INT      : [0-9]+ ;

STRING      : '"' (ESCAPE | ~["\\\r\n])* '"' ;
QUOTED_NAME : '`' ~[`\r\n]+ '`' ;
IDENT       : [\p{L}_] [\p{L}\p{N}_]* ;

COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n\f\u00A0\uFEFF]+ -> skip ;

// Error tokens: the parser turns each into one plain-words diagnostic instead of a lexer failure.
UNTERMINATED_STRING      : '"' (ESCAPE | ~["\\\r\n])* '\\'? ;
UNTERMINATED_QUOTED_NAME : '`' ~[`\r\n]* ;
UNEXPECTED_CHAR          : . ;

fragment ESCAPE : '\\' ~[\r\n] ;
fragment DIGIT2 : [0-9] [0-9] ;
fragment DIGIT4 : [0-9] [0-9] [0-9] [0-9] ;
